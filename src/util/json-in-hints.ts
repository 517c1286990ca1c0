import { JsonMatcher } from './json-matcher';
import { parseJsonDocument } from './json-text';
import { isBytes, isPlainObject } from './values';

/** Shorter JSON strings read well as they are and stay exact; longer ones print as their parsed value. */
const JSON_STRING_KEPT = 30;
/** Beyond this a hint would hold a whole document: the value keeps its usual short form. */
const JSON_SHOWN_PARSED = 4_000;

/**
 * `value` with each JSON object or array held in a string (longer than a glance) or in UTF-8 bytes replaced
 * by `tripwire.json(<parsed value>)`, at any depth and inside the parsed values too, so that a hint built from
 * recorded data shows a payload as data instead of an escaped string. Other values are kept as they are.
 */
export function withJsonMatchers(value: unknown): unknown {
  return replaceWithin(value, new Set());
}

function replaceWithin(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value === 'string' || isBytes(value)) return jsonMatcherFor(value, ancestors) ?? value;
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) return value;
  if (ancestors.has(value as object)) return value;
  ancestors.add(value as object);
  try {
    if (isArray) return (value as unknown[]).map((item) => replaceWithin(item, ancestors));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as object)) {
      Object.defineProperty(copy, key, {
        value: replaceWithin(item, ancestors),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  } finally {
    ancestors.delete(value as object);
  }
}

function jsonMatcherFor(text: string | Uint8Array, ancestors: Set<object>): JsonMatcher | undefined {
  if (text.length > JSON_SHOWN_PARSED) return undefined;
  if (typeof text === 'string' && text.length <= JSON_STRING_KEPT) return undefined;
  const parsed = parseJsonDocument(text);
  return parsed === undefined ? undefined : new JsonMatcher(replaceWithin(parsed.value, ancestors));
}
