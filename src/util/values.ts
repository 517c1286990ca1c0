import { Readable } from 'node:stream';

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

/** Node streams, web streams and blobs: one-shot or opaque values that are never copied or compared by content. */
export function isStreamLike(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Readable) return true;
  const candidate = value as { pipe?: unknown; getReader?: unknown; arrayBuffer?: unknown; stream?: unknown };
  return (
    typeof candidate.pipe === 'function' ||
    typeof candidate.getReader === 'function' ||
    (typeof candidate.arrayBuffer === 'function' && typeof candidate.stream === 'function')
  );
}

/**
 * A copy of plain data (objects, arrays, dates, bytes) that keeps every other value by reference.
 * `structuredClone` would turn a `Buffer` into a plain `Uint8Array`, drop class prototypes and throw on
 * streams and functions, all of which appear in SDK inputs and mock outputs.
 */
export function copyData<T>(value: T, copyBytes = true): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // slice() copies in one step (holes included); only object items need more.
    const copy: unknown[] = value.slice();
    for (let index = 0; index < copy.length; index++) {
      const item = copy[index];
      if (item !== null && typeof item === 'object') copy[index] = copyData(item, copyBytes);
    }
    return copy as T;
  }
  if (isPlainObject(value)) {
    const copy: PlainObject = {};
    // for...in rather than Object.keys: no array per object on the hot path (plain objects inherit nothing).
    // Most members are strings and numbers: taken as they are, without a call.
    for (const key in value) {
      const member = value[key];
      copy[key] = member === null || typeof member !== 'object' ? member : copyData(member, copyBytes);
    }
    return copy as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (copyBytes && isBytes(value)) return (Buffer.isBuffer(value) ? Buffer.from(value) : value.slice()) as T;
  return value;
}
