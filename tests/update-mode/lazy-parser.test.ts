/**
 * Normal runs never pay for update mode: a test's life cycle under the runner setup, without the switch,
 * loads no parser. Checked in a fresh Node process (tsx runs the sources), where `require.cache` tells.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@jest/globals';
import { REPO_ROOT } from '../support/runner-setup-contract';

const SCRIPT = `
const { startTestVerifier } = require('./src/test-runner-setup.ts');
const parserLoaded = () => Object.keys(require.cache).some((file) => file.includes('@babel/parser'));
startTestVerifier().finish();
const afterATest = parserLoaded();
require('./src/update-mode/syntax.ts').parses('x');
console.log(JSON.stringify({ afterATest, afterAParse: parserLoaded() }));
`;

test('a test under the runner setup without TRIPWIRE_UPDATE loads no parser; update mode loads it on its first parse', () => {
  const env = { ...process.env, TRIPWIRE_UPDATE: '' };
  const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', SCRIPT], { cwd: REPO_ROOT, env });
  expect(JSON.parse(output.toString())).toEqual({ afterATest: false, afterAParse: true });
});
