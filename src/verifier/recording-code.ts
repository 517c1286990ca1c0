import type { RecordedCode, RecordedImport } from '../plugins/contract/plugin';

export const NO_CODE: RecordedCode = { before: [], after: [], imports: [], notes: [], recordedAgainst: [] };

/** Several plugins' (or several sandboxes') code as one: statements in order, imports and notes merged. */
export function mergeCode(codes: readonly RecordedCode[]): RecordedCode {
  const imports = new Map<string, Set<string>>();
  for (const { from, names } of codes.flatMap((code) => code.imports)) {
    const known = imports.get(from) ?? new Set<string>();
    for (const name of names) known.add(name);
    imports.set(from, known);
  }
  const unique = (pick: (code: RecordedCode) => readonly string[]) => [...new Set(codes.flatMap(pick))];
  return {
    before: codes.flatMap((code) => code.before),
    after: codes.flatMap((code) => code.after),
    imports: [...imports]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([from, names]): RecordedImport => ({ from, names: [...names].sort() })),
    notes: unique((code) => code.notes),
    recordedAgainst: unique((code) => code.recordedAgainst),
  };
}

/** The code as one paste-ready text: a header comment, the imports, the registrations, the sandbox, the assertions. */
export function recordedText(code: RecordedCode, hintName: string, when = new Date()): string {
  const header = [`// Recorded by ts-tripwire on ${when.toISOString()}`];
  if (code.recordedAgainst.length > 0) {
    header.push('// against:', ...code.recordedAgainst.map((line) => `//   ${line}`));
  }
  header.push(...code.notes.map((note) => `// Note: ${note}`));
  const imports = code.imports.map(({ from, names }) => `import { ${names.join(', ')} } from '${from}';`);
  const sections = [header.join('\n')];
  if (imports.length > 0) sections.push(imports.join('\n'));
  if (code.before.length > 0) sections.push(code.before.join('\n'));
  sections.push(`await ${hintName}.run(async () => {\n  /* the code you recorded */\n});`);
  if (code.after.length > 0) sections.push(code.after.join('\n'));
  return `${sections.join('\n\n')}\n`;
}
