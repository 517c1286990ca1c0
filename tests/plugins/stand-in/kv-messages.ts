import {
  formatValue,
  GuardedCallError,
  PostSandboxInteractionError,
  TripwireError,
  UnmockedInteractionError,
} from 'ts-tripwire/plugin';

/** The fields the `kv` plugin records for each call. */
export interface KvFields {
  readonly method: 'get' | 'set';
  readonly key: string;
  /** The value a `set` sent; absent for a `get`. */
  readonly value?: string;
  /** The error a mocked call raised into the code. */
  readonly raised?: Error;
}

/** What `assertCall` expects: any field may be an asymmetric matcher; `raised` is the error's message. */
export interface KvExpected {
  readonly method: 'get' | 'set';
  readonly key: unknown;
  readonly value?: unknown;
  readonly raised?: unknown;
}

/** A key longer than the `kvMaxKeyLength` setting, which the real server would refuse. */
export class KeyTooLongError extends TripwireError {}

/** `kv.get('user:1')`, `kv.set('user:1', 'Ada')` */
export function formatKvCall(call: { method: string; key: unknown; value?: unknown }): string {
  const args = call.method === 'set' ? [call.key, call.value] : [call.key];
  return `kv.${call.method}(${args.map((arg) => formatValue(arg)).join(', ')})`;
}

/** A ready-to-paste assertion built from the recorded fields. */
export function kvAssertHint(hintName: string, fields: KvFields): string {
  const expected: Record<string, unknown> = { method: fields.method, key: fields.key };
  if (fields.method === 'set') expected.value = fields.value;
  if (fields.raised !== undefined) expected.raised = fields.raised.message;
  return `${hintName}.kv.assertCall(${formatValue(expected, '')});`;
}

/** A ready-to-paste registration for a call. */
export function kvMockHint(hintName: string, method: 'get' | 'set'): string {
  return method === 'get'
    ? `${hintName}.kv.mockCall('get', { returns: 'the stored value' });`
    : `${hintName}.kv.mockCall('set');`;
}

export function unmockedKvError(call: KvFields, hintName: string): Error {
  return new UnmockedInteractionError(
    `Unmocked kv call: ${formatKvCall(call)}\nRegister an answer before the sandbox:\n  ${kvMockHint(hintName, call.method)}`,
  );
}

export function postSandboxKvError(call: KvFields, hintName: string): Error {
  return new PostSandboxInteractionError(
    `kv call after the sandbox closed: ${formatKvCall(call)}\n` +
      `Async work started inside ${hintName}.run() made this call after run() had settled. Await that work inside the sandbox:\n` +
      `  await ${hintName}.run(async () => { await theWorkThatCalls(); });`,
  );
}

export function guardedKvError(call: KvFields, hintName: string): Error {
  return new GuardedCallError(
    `kv call outside the sandbox: ${formatKvCall(call)}\n` +
      `Run the code under test inside the sandbox:\n  await ${hintName}.run(async () => { /* the code that calls kv.${call.method} */ });`,
  );
}

export function keyTooLongError(call: KvFields, limit: number, hintName: string): Error {
  return new KeyTooLongError(
    `kv call with a key the server would refuse: ${formatKvCall(call)}\n` +
      `The key is ${call.key.length} characters, over kvMaxKeyLength (${limit}). Shorten it, or raise the limit for this test:\n` +
      `  ${hintName}.configure({ kvMaxKeyLength: ${call.key.length} });`,
  );
}
