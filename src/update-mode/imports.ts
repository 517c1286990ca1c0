/** Named imports the written lines need, added to the file: merged into an existing import of the module. */
import type { CodeStyle } from './formatting';
import { requote } from './formatting';
import { child, children, type ParsedFile, type SyntaxNode } from './syntax';

export interface ImportNeed {
  readonly from: string;
  readonly names: readonly string[];
}

/** Text to insert at an offset of the original source. */
export interface Insertion {
  readonly offset: number;
  readonly text: string;
}

/** The insertions that give the file every needed name not already imported (under any module). */
export function importInsertions(
  source: string,
  file: ParsedFile,
  needs: readonly ImportNeed[],
  style: CodeStyle,
): Insertion[] {
  const declarations = children(file.program, 'body').filter((node) => node.type === 'ImportDeclaration');
  const bound = new Set(
    declarations.flatMap((declaration) =>
      children(declaration, 'specifiers').map((specifier) => child(specifier, 'local')?.name as string),
    ),
  );
  const missing = new Map<string, string[]>();
  for (const { from, names } of needs) {
    const list = missing.get(from) ?? [];
    for (const name of names) {
      if (bound.has(name) || list.includes(name)) continue;
      list.push(name);
    }
    if (list.length > 0) missing.set(from, list);
  }
  const insertions: Insertion[] = [];
  const fresh: string[] = [];
  for (const [from, names] of missing) {
    const target = declarations.find((declaration) => canTakeNames(declaration, from));
    if (target === undefined) fresh.push(importStatement(from, names, style));
    else insertions.push(mergeInto(source, target, names, style));
  }
  if (fresh.length > 0) insertions.push(newImports(source, file.program, declarations, fresh, style));
  return insertions;
}

function canTakeNames(declaration: SyntaxNode, from: string): boolean {
  const specifiers = children(declaration, 'specifiers');
  return (
    child(declaration, 'source')?.value === from &&
    declaration.importKind !== 'type' &&
    specifiers.length > 0 &&
    !specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier')
  );
}

function importStatement(from: string, names: readonly string[], style: CodeStyle): string {
  const source = requote(`'${from.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`, style.quote);
  return `import { ${names.join(', ')} } from ${source}${style.semicolons ? ';' : ''}`;
}

/** `import { A } from 'm'` + B → `import { A, B } from 'm'`; a default-only import gains `, { B }`. */
function mergeInto(
  source: string,
  declaration: SyntaxNode,
  names: readonly string[],
  style: CodeStyle,
): Insertion {
  const specifiers = children(declaration, 'specifiers');
  const named = specifiers.filter((specifier) => specifier.type === 'ImportSpecifier');
  const last = named.at(-1);
  if (last === undefined) {
    return { offset: specifiers.at(-1)!.end, text: `, { ${names.join(', ')} }` };
  }
  const braces = source.slice(declaration.start, child(declaration, 'source')!.start);
  if (!braces.includes('\n')) return { offset: last.end, text: names.map((name) => `, ${name}`).join('') };
  // One name a line: the new names go on lines of their own, like the last one, keeping a trailing comma.
  const lineStart = source.lastIndexOf('\n', last.start) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart))![0];
  const comma = /^\s*,/.exec(source.slice(last.end));
  if (comma !== null) {
    const text = names.map((name) => `${style.eol}${indent}${name},`).join('');
    return { offset: last.end + comma[0].length, text };
  }
  return { offset: last.end, text: names.map((name) => `,${style.eol}${indent}${name}`).join('') };
}

/** New import lines after the last import, or before the first statement (below a header comment). */
function newImports(
  source: string,
  program: SyntaxNode,
  declarations: readonly SyntaxNode[],
  statements: readonly string[],
  style: CodeStyle,
): Insertion {
  const lastImport = declarations.at(-1);
  if (lastImport !== undefined) {
    const lineEnd = source.indexOf('\n', lastImport.end);
    const offset = lineEnd < 0 ? source.length : lineEnd - (source[lineEnd - 1] === '\r' ? 1 : 0);
    return { offset, text: statements.map((statement) => `${style.eol}${statement}`).join('') };
  }
  const first = children(program, 'body')[0];
  if (first === undefined) {
    const separator = source === '' || source.endsWith('\n') ? '' : style.eol;
    return { offset: source.length, text: separator + statements.map((s) => `${s}${style.eol}`).join('') };
  }
  const offset = source.lastIndexOf('\n', first.start - 1) + 1;
  return { offset, text: statements.map((statement) => `${statement}${style.eol}`).join('') };
}
