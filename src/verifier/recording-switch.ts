import { appendFileSync, writeFileSync } from 'node:fs';
import { recordedText } from './recording-code';
import type { Verifier } from './verifier';

/** `TRIPWIRE_RECORD=1 npx jest path`: every `run()` records; `TRIPWIRE_RECORD=write` also writes the code to a file. */
export const RECORD_VARIABLE = 'TRIPWIRE_RECORD';

function switchValue(): string | undefined {
  const value = process.env[RECORD_VARIABLE];
  return value === undefined || value === '' || value === '0' || value.toLowerCase() === 'false'
    ? undefined
    : value;
}

/**
 * For the test-runner setups, once a test's verifier is made: with `TRIPWIRE_RECORD` set, its sandboxes record
 * (`configure({ mode: 'record' })`, refused when `CI` is set unless `TRIPWIRE_RECORD_ALLOW_CI=1`).
 */
export function applyRecordSwitch(verifier: Verifier): void {
  if (switchValue() !== undefined) verifier.configure({ mode: 'record' });
}

// Recorded files this module has started (a Jest test file has its own copy): its first test replaces the file.
const started = new Set<string>();

/**
 * For the test-runner setups, after a test and before its `verifyAll()`: the code its sandboxes recorded in
 * record mode, printed, and with `TRIPWIRE_RECORD=write` written to `<test file>.recorded.ts` beside the file of
 * its first `run(` (one section per test). Returns the path written, if any.
 */
export function finishRecordSwitch(verifier: Verifier, testName?: string): string | undefined {
  if (verifier.mode !== 'record') return undefined;
  const code = verifier.recordedCode();
  if (code.before.length === 0 && code.after.length === 0) return undefined;
  const title = testName === undefined ? '' : `// ${testName}\n`;
  const text = `${title}${recordedText(code, verifier.hintName)}`;
  console.log(text);
  const site = verifier.runSites[0];
  if (switchValue() !== 'write' || site === undefined) return undefined;
  const path = `${site.file.replace(/\.[cm]?[jt]sx?$/, '')}.recorded.ts`;
  if (started.has(path)) {
    appendFileSync(path, `\n${text}`);
  } else {
    started.add(path);
    writeFileSync(path, text);
  }
  return path;
}
