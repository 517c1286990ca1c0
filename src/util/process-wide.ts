import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A value shared by every copy of ts-tripwire loaded in this realm (two installed versions, or a library
 * that bundles one), kept on `globalThis` under a `Symbol.for` key with the shape's version in its name,
 * so that copies cooperate instead of patching over each other. Jest gives every test file its own realm,
 * so this is per test file there.
 */
export function processWide<T>(name: string, create: () => T): T {
  return sharedOn(globalThis, name, create);
}

/**
 * A value shared by every realm of the process: every Jest test file of a worker, and every copy of
 * ts-tripwire. Kept on a class of a core module, `AsyncLocalStorage`, which Jest and Vitest hand to every
 * realm as the same object (unlike `globalThis`, `process`, and `node:module`, which Jest makes anew for
 * each test file). For what must exist once per process: the async context that routes calls, and hooks
 * on core objects such as `http.Agent`.
 */
export function acrossRealms<T>(name: string, create: () => T): T {
  return sharedOn(AsyncLocalStorage, name, create);
}

function sharedOn<T>(owner: object, name: string, create: () => T): T {
  const key = Symbol.for(`ts-tripwire.${name}`);
  const record = owner as Record<symbol, T | undefined>;
  let value = record[key];
  if (value === undefined) {
    value = create();
    record[key] = value;
  }
  return value;
}
