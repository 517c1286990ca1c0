import { StrictVerifier } from 'ts-tripwire';
import { KeyValuePlugin } from './kv-plugin';

/**
 * A StrictVerifier with the `kv` plugin enabled, reachable as `verifier.kv` so that the plugin's hints
 * (`verifier.kv.assertCall(...)`) paste as they are.
 */
export function kvVerifier(): StrictVerifier & { readonly kv: KeyValuePlugin } {
  const verifier = new StrictVerifier();
  return Object.assign(verifier, { kv: new KeyValuePlugin(verifier) });
}

/** The error `fn` throws, for asserting its whole message. */
export function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-error: ${String(error)}`);
  }
  throw new Error('did not throw');
}
