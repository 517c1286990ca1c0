import { Readable } from 'node:stream';
import { describeThrown } from './guarded-read';

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

/** What a copy holds where the original could not be copied: a reference back to an enclosing object, or a read that threw. */
export class Uncopied {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export const CIRCULAR = new Uncopied('[Circular]');

// Deeper than this, the plain copy stops and starts again with cycle tracking: real data is far shallower.
const UNTRACKED_DEPTH = 200;

/**
 * A copy of plain data (objects, arrays, dates, bytes) that keeps every other value by reference.
 * `structuredClone` would turn a `Buffer` into a plain `Uint8Array`, drop class prototypes and throw on
 * streams and functions, all of which appear in SDK inputs and mock outputs. Never throws: a circular
 * reference is copied as `CIRCULAR`, a read that throws (a getter, a Proxy) as an `Uncopied` saying so.
 */
export function copyData<T>(value: T, copyBytes = true): T {
  if (value === null || typeof value !== 'object') return value;
  try {
    return copyUntracked(value, copyBytes, 0);
  } catch {
    return copyTracked(value, copyBytes, new Set()) as T;
  }
}

class TooDeep extends Error {}

/** The fast path: no bookkeeping, for the acyclic data nearly every call carries. */
function copyUntracked<T>(value: T, copyBytes: boolean, depth: number): T {
  if (depth > UNTRACKED_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) {
    // slice() copies in one step (holes included); only object items need more.
    const copy: unknown[] = value.slice();
    for (let index = 0; index < copy.length; index++) {
      const item = copy[index];
      if (item !== null && typeof item === 'object') copy[index] = copyUntracked(item, copyBytes, depth + 1);
    }
    return copy as T;
  }
  if (isPlainObject(value)) {
    const copy: PlainObject = {};
    // for...in rather than Object.keys: no array per object on the hot path (plain objects inherit nothing).
    // Most members are strings and numbers: taken as they are, without a call.
    for (const key in value) {
      const member = value[key];
      copy[key] =
        member === null || typeof member !== 'object' ? member : copyUntracked(member, copyBytes, depth + 1);
    }
    return copy as T;
  }
  return copyLeaf(value, copyBytes);
}

/** The careful path: the objects on the current path are tracked, and every read is guarded. */
function copyTracked(value: unknown, copyBytes: boolean, ancestors: Set<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.has(value)) return CIRCULAR;
  try {
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) return copyLeaf(value, copyBytes);
    ancestors.add(value);
    const source = value as PlainObject;
    const copy: PlainObject | unknown[] = isArray ? new Array((value as unknown[]).length) : {};
    for (const key of Object.keys(source)) {
      let member: unknown;
      try {
        member = source[key];
      } catch (error) {
        member = new Uncopied(`[reading ${key} threw ${describeThrown(error)}]`);
      }
      (copy as PlainObject)[key] = copyTracked(member, copyBytes, ancestors);
    }
    ancestors.delete(value);
    return copy;
  } catch (error) {
    ancestors.delete(value);
    return new Uncopied(`[unreadable: ${describeThrown(error)}]`);
  }
}

function copyLeaf<T>(value: T, copyBytes: boolean): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (copyBytes && isBytes(value)) return (Buffer.isBuffer(value) ? Buffer.from(value) : value.slice()) as T;
  return value;
}

/**
 * Why `value` cannot be copied as plain data (`copyData` would record a marker instead), as a path and a
 * reason: `Body.self refers back to an enclosing object`, `Tags[0] threw TypeError: ...`; or undefined.
 */
export function copyProblem(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return findUncopied(copyTracked(value, false, new Set()), path, true);
}

/** Like `copyProblem`, for values that are only read and compared: a cycle is fine, a read that throws is not. */
export function readProblem(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return findUncopied(copyTracked(value, false, new Set()), path, false);
}

function findUncopied(copy: unknown, path: string, cyclesCount: boolean): string | undefined {
  if (copy === CIRCULAR && !cyclesCount) return undefined;
  if (copy instanceof Uncopied) {
    return copy === CIRCULAR
      ? `${path} refers back to an object that contains it (a circular reference)`
      : `${path} could not be read: ${copy.text.slice(1, -1)}`;
  }
  if (copy === null || typeof copy !== 'object' || !(Array.isArray(copy) || isPlainObject(copy)))
    return undefined;
  for (const key of Object.keys(copy)) {
    const childPath = Array.isArray(copy) ? `${path}[${key}]` : `${path}.${key}`;
    const problem = findUncopied((copy as PlainObject)[key], childPath, cyclesCount);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
