import type { RecordedCode } from 'ts-tripwire';

/** How the round trip's recorded test calls the production module. */
export interface RecordedTestParts {
  readonly title: string;
  /** The import path of the production module, from the generated file. */
  readonly module: string;
  /** What the recorded run returned: the offline run must return the same. */
  readonly expected: unknown;
}

/**
 * A Jest test file made of recorded code, as a user pastes it: the registrations before the sandbox, the
 * production call inside it (clients at a closed port: the test is offline), the assertions after it.
 */
export function recordedTestFile(code: RecordedCode, parts: RecordedTestParts): string {
  const indent = (lines: readonly string[]) => lines.join('\n').replace(/^(?=.)/gm, '  ');
  const imports = code.imports.map(({ from, names }) => `import { ${names.join(', ')} } from '${from}';`);
  return [
    "import { expect, test } from '@jest/globals';",
    "import { tripwire } from 'ts-tripwire';",
    ...imports,
    `import { makeClients, publishSummary } from '${parts.module}';`,
    '',
    ...code.notes.map((note) => `// Note: ${note}`),
    `test('${parts.title}', async () => {`,
    indent(code.before),
    '',
    "  const clients = makeClients({ s3: 'http://127.0.0.1:9', dynamodb: 'http://127.0.0.1:9' });",
    "  const summary = await tripwire.run(() => publishSummary(clients, 'reports', 'summaries'));",
    '',
    indent(code.after),
    `  expect(JSON.parse(JSON.stringify(summary))).toEqual(${JSON.stringify(parts.expected)});`,
    '});',
    '',
  ].join('\n');
}
