import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { KeyValueClient } from './key-value-client';
import { KeyValuePlugin } from './kv-plugin';

// Run in order, in a file of their own: the first kv sandbox of a process patches the client for good.
const { get, set } = KeyValueClient.prototype;

describe('defining a plugin switches nothing on for other verifiers', () => {
  test('a verifier on which the kv plugin was never constructed leaves KeyValueClient untouched', async () => {
    const verifier = new StrictVerifier();
    const client = new KeyValueClient();
    const value = await verifier.run(async () => {
      await client.set('user:1', 'Ada');
      return client.get('user:1');
    });
    expect(value).toBe('Ada');
    expect(KeyValueClient.prototype.get).toBe(get);
    expect(KeyValueClient.prototype.set).toBe(set);
    expect(() => verifier.verifyAll()).not.toThrow();
  });

  test('constructing the plugin on one verifier patches nothing until that verifier opens a sandbox', async () => {
    const enabled = new StrictVerifier();
    const kv = new KeyValuePlugin(enabled);
    await new StrictVerifier().run(() => undefined);
    expect(KeyValueClient.prototype.get).toBe(get);
    expect(KeyValueClient.prototype.set).toBe(set);
    kv.mockCall('get', { returns: 'mocked' });
    const value = await enabled.run(() => new KeyValueClient().get('user:1'));
    expect(value).toBe('mocked');
    expect(KeyValueClient.prototype.get).not.toBe(get);
  });

  test('a second kv plugin on the same verifier is refused', () => {
    const verifier = new StrictVerifier();
    new KeyValuePlugin(verifier);
    expect(() => new KeyValuePlugin(verifier)).toThrow(
      "This verifier already has its 'kv' plugin; a second one would never see a call. Use the existing one: verifier.kv",
    );
  });
});
