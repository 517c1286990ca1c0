import { StrictVerifier } from 'ts-tripwire';
import { KeyValuePlugin } from './kv-plugin';

// How a plugin's users type its setting and its accessor: by augmenting ts-tripwire's interfaces.
declare module 'ts-tripwire' {
  interface ConfigureOptions {
    kvMaxKeyLength?: number;
  }
}

/** A StrictVerifier as the kv plugin's users see it: `verifier.kv`, as the plugin's hints say. */
export type KvVerifier = StrictVerifier & { readonly kv: KeyValuePlugin };

/** A StrictVerifier with the `kv` plugin enabled: registering it makes it `verifier.kv`. */
export function kvVerifier(): KvVerifier {
  const verifier = new StrictVerifier();
  new KeyValuePlugin(verifier);
  return verifier as KvVerifier;
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
