import { afterEach, describe, expect, jest, test } from '@jest/globals';
import {
  GuardedCallError,
  PostSandboxInteractionError,
  StrictVerifier,
  type VerificationError,
} from 'ts-tripwire';
import { KeyValueClient } from './key-value-client';
import { kvVerifier, thrownBy } from './kv-verifier';

afterEach(() => {
  jest.restoreAllMocks();
});

/** Settles with what the promise rejected with, or fails the test if it resolved. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (outcome instanceof Error) return outcome;
  throw new Error(`expected a rejection, got ${String(outcome)}`);
}

describe('the kv plugin routes each call with currentRoute()', () => {
  test('a kv call made after run() settled is refused, and fails verification', async () => {
    const verifier = kvVerifier();
    verifier.kv.mockCall('get', { returns: 'Ada' });
    const client = new KeyValueClient();
    let open!: () => void;
    const sandboxClosed = new Promise<void>((resolve) => {
      open = resolve;
    });
    let late: Promise<string | undefined> | undefined;
    await verifier.run(() => {
      late = sandboxClosed.then(() => client.get('user:1'));
    });
    open();
    const error = await rejectionOf(late ?? Promise.resolve());
    expect(error).toBeInstanceOf(PostSandboxInteractionError);
    const refused = [
      "kv call after the sandbox closed: kv.get('user:1')",
      'Async work started inside verifier.run() made this call after run() had settled. Await that work inside the sandbox:',
      '  await verifier.run(async () => { await theWorkThatCalls(); });',
    ];
    expect(error.message).toBe(refused.join('\n'));
    const verification = thrownBy(() => verifier.verifyAll()) as VerificationError;
    expect(verification.violations).toEqual([
      { kind: 'post-sandbox', plugin: 'kv', method: 'get', key: 'user:1', message: refused.join('\n') },
    ]);
    expect(verification.message).toContain(`1. [post-sandbox] ${refused[0]}`);
    // The refused call used no mock: it is reported unused too.
    expect(verification.unused).toEqual([expect.objectContaining({ plugin: 'kv', method: 'get' })]);
  });

  test("outside any sandbox, the verifier's guard refuses kv calls at level 'error'", async () => {
    const verifier = kvVerifier();
    const stopGuard = verifier.startGuard();
    const error = await rejectionOf(new KeyValueClient().set('user:1', 'Ada')).finally(stopGuard);
    expect(error).toBeInstanceOf(GuardedCallError);
    const refused = [
      "kv call outside the sandbox: kv.set('user:1', 'Ada')",
      'Run the code under test inside the sandbox:',
      '  await verifier.run(async () => { /* the code that calls kv.set */ });',
    ];
    expect(error.message).toBe(refused.join('\n'));
    expect((thrownBy(() => verifier.verifyAll()) as VerificationError).violations).toEqual([
      { kind: 'guarded', plugin: 'kv', method: 'set', key: 'user:1', message: refused.join('\n') },
    ]);
  });

  test("at guard level 'warn' a kv call outside the sandbox reaches the server after a warning", async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const verifier = kvVerifier();
    verifier.configure({ guard: 'warn' });
    const client = new KeyValueClient();
    const stopGuard = verifier.startGuard();
    const value = await client
      .set('user:1', 'Ada')
      .then(() => client.get('user:1'))
      .finally(stopGuard);
    expect(value).toBe('Ada');
    expect(warn.mock.calls).toEqual([
      ["kv plugin: a real key-value call outside the sandbox, let through: kv.set('user:1', 'Ada')"],
      ["kv plugin: a real key-value call outside the sandbox, let through: kv.get('user:1')"],
    ]);
    expect(() => verifier.verifyAll()).not.toThrow();
  });

  test('with no sandbox and no guard, kv calls pass through to the server untouched', async () => {
    const verifier = kvVerifier();
    verifier.kv.mockCall('get', { returns: 'mocked', required: false });
    await verifier.run(() => undefined);
    const client = new KeyValueClient();
    await client.set('user:1', 'Ada');
    expect(await client.get('user:1')).toBe('Ada');
    expect(() => verifier.verifyAll()).not.toThrow();
  });

  test('a verifier without the kv plugin lets kv calls through, even while another verifier has it', async () => {
    const withKv = kvVerifier();
    withKv.kv.mockCall('get', { returns: 'mocked' });
    await withKv.run(() => undefined);
    const plain = new StrictVerifier();
    const client = new KeyValueClient();
    const value = await plain.run(async () => {
      await client.set('user:1', 'Ada');
      return client.get('user:1');
    });
    expect(value).toBe('Ada');
    expect(plain.pluginByName('kv')).toBeUndefined();
    expect(() => plain.verifyAll()).not.toThrow();
    // The other verifier's mock was not used by the plain verifier's calls.
    expect((thrownBy(() => withKv.verifyAll()) as VerificationError).unused).toEqual([
      expect.objectContaining({ plugin: 'kv', method: 'get' }),
    ]);
  });
});
