import { appendFileSync, writeFileSync } from 'node:fs';
import { envSwitch } from '../util/env-switch';
import { recordedText } from './recording-code';
import type { Verifier } from './verifier';

/** `TRIPWIRE_RECORD=1 npx jest path`: every `run()` records; `TRIPWIRE_RECORD=write` also writes the code to a file. */
export const RECORD_VARIABLE = 'TRIPWIRE_RECORD';

/**
 * For the test-runner setups, once a test's verifier is made: with `TRIPWIRE_RECORD` set, its sandboxes record
 * (`configure({ mode: 'record' })`, refused when `CI` is set unless `TRIPWIRE_RECORD_ALLOW_CI=1`).
 */
export function applyRecordSwitch(verifier: Verifier): void {
  if (envSwitch(RECORD_VARIABLE) !== undefined) verifier.configure({ mode: 'record' });
}

// Recorded files this module has started (a Jest test file has its own copy): its first test replaces the file.
const started = new Set<string>();

/**
 * For the test-runner setups, after a test and before its `verifyAll()`: the code its sandboxes recorded in
 * record mode, printed, and with `TRIPWIRE_RECORD=write` written to `<test file>.recorded.ts` beside the file of
 * its first `run(` (one section per test), under the test's name (asked for only then). Returns the path written, if any.
 */
export function finishRecordSwitch(
  verifier: Verifier,
  testName: () => string | undefined = () => undefined,
): string | undefined {
  if (verifier.mode !== 'record') return undefined;
  const code = verifier.recordedCode();
  if (code.before.length === 0 && code.after.length === 0) return undefined;
  const name = testName();
  const title = name === undefined ? '' : `// ${name}\n`;
  const text = `${title}${recordedText(code, verifier.hintName)}`;
  console.log(text);
  const site = verifier.runSites[0];
  if (envSwitch(RECORD_VARIABLE) !== 'write' || site === undefined) return undefined;
  const path = `${site.file.replace(/\.[cm]?[jt]sx?$/, '')}.recorded.ts`;
  if (started.has(path)) {
    appendFileSync(path, `\n${text}`);
  } else {
    started.add(path);
    writeFileSync(path, text);
  }
  return path;
}
