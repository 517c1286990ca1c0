import { isPlainObject } from '../../../util/values';

/** What a visitor returns to leave a member out. */
export const DROP: unique symbol = Symbol('drop');

/**
 * Sees each member of a plain object (at any depth) with its key and the object holding it: returns the
 * member itself to keep it (and go on inside it), another value to replace it, or `DROP`.
 */
export type Visitor = (key: string, value: unknown, holder: Readonly<Record<string, unknown>>) => unknown;

/** A copy of recorded data with the visitor's replacements; arrays, sets and maps are walked, other values kept. */
export function rewrite(value: unknown, visit: Visitor): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, visit));
  if (value instanceof Set) return new Set([...value].map((item) => rewrite(item, visit)));
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, rewrite(item, visit)]));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const visited = visit(key, member, value);
    if (visited === DROP) continue;
    copy[key] = visited === member ? rewrite(member, visit) : visited;
  }
  return copy;
}

/** A copy with every string and date leaf passed through `replace` (and kept where it returns it). */
export function mapLeaves(value: unknown, replace: (leaf: string | Date) => unknown): unknown {
  if (typeof value === 'string' || value instanceof Date) return replace(value);
  if (Array.isArray(value)) return value.map((item) => mapLeaves(item, replace));
  if (value instanceof Set) return new Set([...value].map((item) => mapLeaves(item, replace)));
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, mapLeaves(item, replace)]));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) copy[key] = mapLeaves(member, replace);
  return copy;
}
