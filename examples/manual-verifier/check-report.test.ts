import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';

// The script imports the built package (dist/), which `npm test` and `npm run examples` build first.
function runScript(...args: string[]) {
  return spawnSync(process.execPath, [join(__dirname, 'check-report.mjs'), ...args], {
    cwd: __dirname,
    // Only PATH: the script must make itself offline, without the test environment's settings.
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('check-report.mjs, a StrictVerifier used without a test runner', () => {
  test('mocks, runs, asserts and verifies the report', () => {
    const result = runScript();

    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('report ok: 3 rows\n');
    expect(result.status).toBe(0);
  });

  test('fails when the code makes a call that has no mock', () => {
    const result = runScript('--with-archive');

    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      "Unmocked AWS call: s3.GetObject({ Bucket: 'finance', Key: 'reports/archive.csv' })",
    );
    expect(result.status).toBe(1);
  });
});
