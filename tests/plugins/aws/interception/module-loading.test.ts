import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { offlineEnvironment } from '../../../support/offline-environment';

/** Runs a script with plain Node (no Jest module registry) against the built package. */
function runNode(
  script: string,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(__dirname, '../../../fixtures/node', script)], {
    env: { PATH: process.env.PATH, ...offlineEnvironment(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('module loading under plain Node', () => {
  test('an SDK first loaded inside the sandbox is intercepted, and untouched afterwards for calls from outside it', () => {
    const result = runNode('lazy-client.js');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ account: '123456789012', afterSandbox: 'ECONNREFUSED' });
    expect(result.status).toBe(0);
  });

  test('application code written as ES modules is intercepted like CommonJS code', () => {
    const result = runNode('esm-app/check.mjs');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ messageId: 'm-1', unmocked: 'UnmockedInteractionError' });
    expect(result.status).toBe(0);
  });

  test('several copies of the SDK core warn once, unless the project acknowledges that many', () => {
    const warned = runNode('two-copies.js');
    expect(warned.stdout).toBe('ok');
    expect(warned.stderr).toMatch(/^ts-tripwire: 2 copies of the AWS SDK's base client are loaded/);
    expect(warned.stderr).toContain(
      'If the copies cannot be deduplicated, acknowledge them to silence this warning: TRIPWIRE_SDK_COPIES=2',
    );
    const acknowledged = runNode('two-copies.js', { TRIPWIRE_SDK_COPIES: '2' });
    expect(acknowledged).toEqual({
      status: 0,
      stdout: 'ok',
      // The other copy is the 3.600 line, which has no operation schemas to validate against: it says so once.
      stderr: expect.stringMatching(
        /^\(node:\d+\) \[TRIPWIRE_VALIDATION_SKIPPED\] TripwireWarning: .*\(@aws-sdk\/client-s3 3\.600\.0\)/,
      ),
    });
    // Acknowledging fewer copies than are loaded does not silence it.
    expect(runNode('two-copies.js', { TRIPWIRE_SDK_COPIES: '1' }).stderr).toContain('2 copies');
  });
});
