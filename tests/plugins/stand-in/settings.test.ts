import { describe, expect, test } from '@jest/globals';
import { StrictVerifier, TripwireConfigError, type VerificationError } from 'ts-tripwire';
import { KeyValueClient } from './key-value-client';
import { KeyTooLongError } from './kv-messages';
import { kvVerifier, thrownBy } from './kv-verifier';

describe("the kv plugin's own settings, through the verifier's configure()", () => {
  test('kvMaxKeyLength starts at its default and configure() changes it for this verifier only', async () => {
    const verifier = kvVerifier();
    const other = kvVerifier();
    expect(verifier.settings.kvMaxKeyLength).toBe(250);
    verifier.configure({ kvMaxKeyLength: 8 });
    expect(verifier.settings.kvMaxKeyLength).toBe(8);
    expect(other.settings.kvMaxKeyLength).toBe(250);
  });

  test('a key over the configured limit is refused into the code and fails verification', async () => {
    const verifier = kvVerifier();
    verifier.configure({ kvMaxKeyLength: 8 });
    verifier.kv.mockCall('get', { returns: 'Ada', required: false });
    const client = new KeyValueClient();
    const error = await verifier.run(() => client.get('user:1234').catch((thrown: unknown) => thrown));
    expect(error).toBeInstanceOf(KeyTooLongError);
    const refused = [
      "kv call with a key the server would refuse: kv.get('user:1234')",
      'The key is 9 characters, over kvMaxKeyLength (8). Shorten it, or raise the limit for this test:',
      '  verifier.configure({ kvMaxKeyLength: 9 });',
    ];
    expect((error as Error).message).toBe(refused.join('\n'));
    const verification = thrownBy(() => verifier.verifyAll()) as VerificationError;
    expect(verification.violations).toEqual([
      { kind: 'key-too-long', plugin: 'kv', method: 'get', key: 'user:1234', message: refused.join('\n') },
    ]);
    expect(verification.message).toContain(`1. [key-too-long] ${refused[0]}`);
  });

  test('a bad value is refused with the fix, and changes nothing', () => {
    const verifier = kvVerifier();
    const error = thrownBy(() => verifier.configure({ guard: 'warn', kvMaxKeyLength: 0 }));
    expect(error).toBeInstanceOf(TripwireConfigError);
    expect(error.message).toBe(
      'configure({ kvMaxKeyLength }) takes a whole number of characters above 0, not number 0: verifier.configure({ kvMaxKeyLength: 64 });',
    );
    expect(verifier.settings.kvMaxKeyLength).toBe(250);
    expect(verifier.settings.guard).toBe('error');
  });

  test("configure() lists the plugin's settings among the options it knows", () => {
    // @ts-expect-error: an option no plugin of this verifier defines
    const error = thrownBy(() => kvVerifier().configure({ kvMaxKeys: 8 }));
    expect(error).toBeInstanceOf(TripwireConfigError);
    expect(error.message).toBe(
      "configure() does not know 'kvMaxKeys'. Its options: guard, mode, validate, kvMaxKeyLength.",
    );
  });

  test('a verifier without the kv plugin does not know its settings', () => {
    const error = thrownBy(() => new StrictVerifier().configure({ kvMaxKeyLength: 8 }));
    expect(error).toBeInstanceOf(TripwireConfigError);
    expect(error.message).toBe(
      "configure() does not know 'kvMaxKeyLength'. Its options: guard, mode, validate.",
    );
  });
});
