import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import {
  MissingAssertionFieldsError,
  UnassertedInteractionsError,
  UnmockedInteractionError,
  UnusedMocksError,
  VerificationError,
} from 'ts-tripwire';
import { KeyValueClient } from './key-value-client';
import { kvVerifier, thrownBy } from './kv-verifier';
import { cachedReport } from './report-cache';

const REGISTERED_IN_TEST = /registered at tests\/plugins\/stand-in\/verification\.test\.ts:/;

describe('verifyAll() with a third-party plugin', () => {
  test("lists both plugins' unasserted interactions, with paste-ready hints in timeline order", async () => {
    const verifier = kvVerifier();
    verifier.kv.mockCall('get');
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: 'a,b' } });
    verifier.kv.mockCall('set');
    await verifier.run(() => cachedReport(new S3Client({}), new KeyValueClient(), 'daily.csv'));
    const error = thrownBy(() => verifier.verifyAll());
    expect(error).toBeInstanceOf(UnassertedInteractionsError);
    expect(error.message).toBe(
      [
        'Verification failed: 3 recorded interactions never asserted.',
        '',
        'Unasserted interactions:',
        "  #1 kv.get('report:daily.csv')",
        "  #2 s3.GetObject({ Bucket: 'reports', Key: 'daily.csv' })",
        "  #3 kv.set('report:daily.csv', 'a,b')",
        'Assert them after the sandbox, in this order:',
        "  verifier.kv.assertCall({ method: 'get', key: 'report:daily.csv' });",
        "  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'reports', Key: 'daily.csv' } });",
        "  verifier.kv.assertCall({ method: 'set', key: 'report:daily.csv', value: 'a,b' });",
      ].join('\n'),
    );
    expect((error as VerificationError).unasserted).toEqual([
      { sequence: 1, plugin: 'kv', method: 'get', key: 'report:daily.csv' },
      expect.objectContaining({ sequence: 2, service: 's3', operation: 'GetObject' }),
      { sequence: 3, plugin: 'kv', method: 'set', key: 'report:daily.csv', value: 'a,b' },
    ]);
  });

  test('the pasted hints pass, and verification with them', async () => {
    const verifier = kvVerifier();
    verifier.kv.mockCall('get', { raises: new Error('connection reset') });
    await verifier.run(() => new KeyValueClient().get('user:1').catch(() => 'fallback'));
    const hint = thrownBy(() => verifier.verifyAll())
      .message.split('\n')
      .at(-1);
    expect(hint).toBe(
      "  verifier.kv.assertCall({ method: 'get', key: 'user:1', raised: 'connection reset' });",
    );
    verifier.kv.assertCall({ method: 'get', key: 'user:1', raised: 'connection reset' });
    expect(() => verifier.verifyAll()).not.toThrow();
  });

  test('an assertion that leaves out what a kv call raised fails with the complete assertion', async () => {
    const verifier = kvVerifier();
    verifier.kv.mockCall('set', { raises: new Error('read-only replica') });
    const outcome = await verifier.run(() =>
      new KeyValueClient().set('user:1', 'Ada').catch((error: Error) => error.message),
    );
    expect(outcome).toBe('read-only replica');
    const error = thrownBy(() => verifier.kv.assertCall({ method: 'set', key: 'user:1', value: 'Ada' }));
    expect(error).toBeInstanceOf(MissingAssertionFieldsError);
    expect(error.message).toBe(
      [
        "The assertion leaves out raised, which #1 recorded: kv.set('user:1', 'Ada') raised Error: read-only replica",
        'Every recorded field must be asserted. Assert it as:',
        "  verifier.kv.assertCall({ method: 'set', key: 'user:1', value: 'Ada', raised: 'read-only replica' });",
      ].join('\n'),
    );
  });

  test('unused kv mocks fail verification, each with where it was registered; optional ones do not', async () => {
    const verifier = kvVerifier();
    verifier.kv.mockCall('get', { returns: 'Ada' });
    verifier.kv.mockCall('set');
    verifier.kv.mockCall('set', { required: false });
    const error = thrownBy(() => verifier.verifyAll());
    expect(error).toBeInstanceOf(UnusedMocksError);
    // The plugin names its public method as the stack boundary, so the site is the test's own line.
    const site = 'tests/plugins/stand-in/verification\\.test\\.ts:\\d+:\\d+';
    expect(error.message.split('\n')).toEqual([
      'Verification failed: 2 required mocks never used.',
      '',
      'Unused required mocks:',
      expect.stringMatching(new RegExp(`^  kv\\.get \\{ returns: 'Ada' \\}, registered at ${site}$`)),
      expect.stringMatching(new RegExp(`^  kv\\.set \\{\\}, registered at ${site}$`)),
      'Make the code under test call them, or remove them.',
    ]);
    expect((error as VerificationError).unused).toEqual([
      { plugin: 'kv', method: 'get', registeredAt: expect.stringMatching(new RegExp(`^${site}$`)) },
      { plugin: 'kv', method: 'set', registeredAt: expect.stringMatching(new RegExp(`^${site}$`)) },
    ]);
    expect(error.message).toMatch(REGISTERED_IN_TEST);
  });

  test('an unmocked kv call is thrown into the code and fails verification even when the code caught it', async () => {
    const verifier = kvVerifier();
    const thrown = await verifier.run(() =>
      new KeyValueClient().get('user:1').then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
    expect(thrown).toBeInstanceOf(UnmockedInteractionError);
    const unmocked = [
      "Unmocked kv call: kv.get('user:1')",
      'Register an answer before the sandbox:',
      "  verifier.kv.mockCall('get', { returns: 'the stored value' });",
    ];
    expect((thrown as Error).message).toBe(unmocked.join('\n'));
    const error = thrownBy(() => verifier.verifyAll());
    expect(error.constructor).toBe(VerificationError);
    expect(error.message).toBe(
      [
        'Verification failed: 1 violation during the test.',
        '',
        'Violations (each was thrown into the code under test; it fails the test even if that code caught it):',
        `1. [unmocked] ${unmocked[0]}`,
        ...unmocked.slice(1).map((line) => `   ${line}`),
      ].join('\n'),
    );
    expect((error as VerificationError).violations).toEqual([
      { kind: 'unmocked', plugin: 'kv', method: 'get', key: 'user:1', message: unmocked.join('\n') },
    ]);
  });

  test('each kv method keeps its own FIFO of answers', async () => {
    const verifier = kvVerifier();
    verifier.kv.mockCall('get', { returns: 'first' });
    verifier.kv.mockCall('set');
    verifier.kv.mockCall('get', { returns: 'second' });
    const client = new KeyValueClient();
    const answers = await verifier.run(async () => {
      const one = await client.get('a');
      await client.set('a', 'x');
      return [one, await client.get('a')];
    });
    expect(answers).toEqual(['first', 'second']);
  });
});
