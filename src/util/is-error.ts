import { types } from 'node:util';

/** An `Error` of this realm or of another (`vm`, a Jest test file's), where `instanceof Error` is false. */
export function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value);
}
