import { type ConfigureOptions, StrictVerifier } from 'ts-tripwire';
import { KeyValuePlugin } from './kv-plugin';

/**
 * `configure()` typed with the kv plugin's setting. StrictVerifier types its options as a closed
 * `ConfigureOptions`, which a plugin cannot extend (see the report): without this, `configure({
 * kvMaxKeyLength })` works at run time but does not compile.
 */
export type KvVerifier = StrictVerifier & {
  readonly kv: KeyValuePlugin;
  configure(options: ConfigureOptions & { kvMaxKeyLength?: number }): void;
};

/**
 * A StrictVerifier with the `kv` plugin enabled, reachable as `verifier.kv` so that the plugin's hints
 * (`verifier.kv.assertCall(...)`) paste as they are.
 */
export function kvVerifier(): KvVerifier {
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
