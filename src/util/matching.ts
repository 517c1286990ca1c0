import { isDeepStrictEqual } from 'node:util';
import { type AsymmetricMatcher, isAsymmetricMatcher, Note, Verbatim } from './format';
import { parseJsonDocument } from './json-text';
import { excerptText, stringDifference } from './string-diff';
import { isBytes, isPlainObject, isStreamLike, type PlainObject } from './values';

/** Matches any value, including `undefined`. A constant: usable anywhere, with or without a verifier. */
export const ANY: AsymmetricMatcher = Object.freeze({
  asymmetricMatch: () => true,
  toString: () => 'tripwire.ANY',
  toJSON: () => 'tripwire.ANY',
});

/** One field that differs between an assertion and a recorded interaction. */
export interface FieldMismatch {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** A matcher that lists where a value fails it (at least one entry), rather than showing the value whole. */
export interface ExplainingMatcher extends AsymmetricMatcher {
  explainMismatch(actual: unknown, path: string, out: FieldMismatch[]): void;
}

function isExplaining(matcher: AsymmetricMatcher): matcher is ExplainingMatcher {
  return typeof (matcher as Partial<ExplainingMatcher>).explainMismatch === 'function';
}

/** A key that is not there, so that a diff says so instead of printing `undefined`. */
export const ABSENT = new Note('absent');

/** The objects on the path being compared, on each side: a cycle is followed once, never forever. */
interface ComparedPath {
  readonly expected: object[];
  readonly actual: object[];
}

/**
 * Compares `expected` with `actual` exactly (no missing or extra keys; `undefined` counts as absent, as in
 * Jest's `toEqual`), letting any expected value be an asymmetric matcher, and lists every leaf that differs.
 * Circular values are equal where both sides loop back to the same depth.
 */
export function diffValues(expected: unknown, actual: unknown, path: string, out: FieldMismatch[]): void {
  diffWithin(expected, actual, path, out, { expected: [], actual: [] });
}

function diffWithin(
  expected: unknown,
  actual: unknown,
  path: string,
  out: FieldMismatch[],
  compared: ComparedPath,
): void {
  if (isAsymmetricMatcher(expected)) {
    if (expected.asymmetricMatch(actual)) return;
    if (isExplaining(expected)) expected.explainMismatch(actual, path, out);
    else out.push({ path, expected, actual });
    return;
  }
  if (Object.is(expected, actual)) return;
  if (isBytes(expected) && isBytes(actual) && bytesEqual(expected, actual)) return;
  if (isText(expected) && isText(actual)) {
    diffTexts(expected, actual, path, out);
    return;
  }
  const bothArrays = Array.isArray(expected) && Array.isArray(actual);
  const bothObjects = !bothArrays && isPlainObject(expected) && isPlainObject(actual);
  if (bothArrays || bothObjects) {
    const loop = compared.expected.indexOf(expected as object);
    if (loop !== -1 || compared.actual.includes(actual as object)) {
      if (loop === -1 || compared.actual.indexOf(actual as object) !== loop)
        out.push({ path, expected, actual });
      return;
    }
    compared.expected.push(expected as object);
    compared.actual.push(actual as object);
    if (bothArrays) diffArrays(expected as unknown[], actual as unknown[], path, out, compared);
    else diffObjects(expected as PlainObject, actual as PlainObject, path, out, compared);
    compared.expected.pop();
    compared.actual.pop();
    return;
  }
  if (expected instanceof Date && actual instanceof Date) {
    if (expected.getTime() !== actual.getTime()) out.push({ path, expected, actual });
    return;
  }
  if (isStreamLike(expected) || isStreamLike(actual) || !isDeepStrictEqual(expected, actual)) {
    out.push({ path, expected, actual });
  }
}

function bytesEqual(expected: Uint8Array, actual: Uint8Array): boolean {
  return Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength).equals(actual);
}

function isText(value: unknown): value is string | Uint8Array {
  return typeof value === 'string' || isBytes(value);
}

/** Longer strings are shown as an excerpt around their first difference rather than whole. */
const LONG_STRING = 60;
const JSON_PATHS_SHOWN = 8;
const MORE_PATHS_NAMED = 5;

/**
 * Two unequal strings or byte arrays. When both hold a JSON object or array, the differing paths of the
 * parsed values (`params.Body (JSON) .id`); when they are long strings, an excerpt around the first
 * difference; otherwise both whole.
 */
function diffTexts(
  expected: string | Uint8Array,
  actual: string | Uint8Array,
  path: string,
  out: FieldMismatch[],
): void {
  const expectedJson = parseJsonDocument(expected);
  const actualJson = expectedJson === undefined ? undefined : parseJsonDocument(actual);
  let shownPath = path;
  if (expectedJson !== undefined && actualJson !== undefined) {
    const inner: FieldMismatch[] = [];
    diffValues(expectedJson.value, actualJson.value, '', inner);
    if (inner.length > 0) {
      pushJsonPaths(path, inner, out);
      return;
    }
    if (typeof expected === typeof actual) shownPath = `${path} (same JSON value, different text)`;
  }
  if (
    typeof expected === 'string' &&
    typeof actual === 'string' &&
    Math.max(expected.length, actual.length) > LONG_STRING
  ) {
    const difference = stringDifference(expected, actual);
    out.push({
      path: `${shownPath} (differs at index ${difference.offset})`,
      expected: new Verbatim(excerptText(expected, difference.expected, difference.offset)),
      actual: new Verbatim(excerptText(actual, difference.actual, difference.offset)),
    });
    return;
  }
  out.push({ path: shownPath, expected, actual });
}

/**
 * Differences found inside a JSON document (paths relative to it) listed under the param that holds it:
 * `params.Body (JSON) .id`, the first few, then how many more.
 */
export function pushJsonPaths(path: string, inner: FieldMismatch[], out: FieldMismatch[]): void {
  const prefix = `${path} (JSON)`;
  for (const mismatch of inner.slice(0, JSON_PATHS_SHOWN)) {
    out.push({ ...mismatch, path: `${prefix}${jsonPathSuffix(mismatch.path)}` });
  }
  const rest = inner.slice(JSON_PATHS_SHOWN);
  if (rest.length === 0) return;
  const named = rest
    .slice(0, MORE_PATHS_NAMED)
    .map((mismatch) => jsonPathSuffix(mismatch.path).trim() || '(root)');
  const etc = rest.length > MORE_PATHS_NAMED ? ', …' : '';
  out.push({
    path: `${prefix} and ${rest.length} more (${named.join(', ')}${etc})`,
    expected: NOT_SHOWN,
    actual: NOT_SHOWN,
  });
}

const NOT_SHOWN = new Note('not shown');

/** `.id`, `.items[0]`, `[2].id`, or nothing for the whole document. */
function jsonPathSuffix(innerPath: string): string {
  if (innerPath === '') return '';
  return innerPath.startsWith('[') ? ` ${innerPath}` : ` .${innerPath}`;
}

function diffArrays(
  expected: unknown[],
  actual: unknown[],
  path: string,
  out: FieldMismatch[],
  compared: ComparedPath,
): void {
  if (expected.length !== actual.length) {
    out.push({ path, expected, actual });
    return;
  }
  for (let index = 0; index < expected.length; index++) {
    diffWithin(expected[index], actual[index], `${path}[${index}]`, out, compared);
  }
}

function diffObjects(
  expected: PlainObject,
  actual: PlainObject,
  path: string,
  out: FieldMismatch[],
  compared: ComparedPath,
): void {
  for (const key of Object.keys(expected)) {
    const expectedValue = expected[key];
    const actualValue = actual[key];
    const childPath = path === '' ? key : `${path}.${key}`;
    // An undefined expected key is absent: the loop over the actual keys reports one that is there.
    if (expectedValue === undefined) continue;
    if (actualValue === undefined && !isAsymmetricMatcher(expectedValue)) {
      out.push({ path: childPath, expected: expectedValue, actual: ABSENT });
    } else {
      diffWithin(expectedValue, actualValue, childPath, out, compared);
    }
  }
  for (const key of Object.keys(actual)) {
    if (actual[key] !== undefined && expected[key] === undefined) {
      out.push({ path: path === '' ? key : `${path}.${key}`, expected: ABSENT, actual: actual[key] });
    }
  }
}

/** True when `value` matches anything: `tripwire.ANY`, `expect.anything()` and their kin. */
function isMatchAnything(value: unknown): boolean {
  if (!isAsymmetricMatcher(value)) return false;
  if (value === ANY) return true;
  const text = typeof value.toAsymmetricMatcher === 'function' ? value.toAsymmetricMatcher() : String(value);
  return text === 'Anything' || text === 'tripwire.ANY';
}

/**
 * "Only wildcards": a bare match-anything, or an object with at least one key all of whose values
 * match anything. `{}` asserts "no params" and is exact.
 */
export function isOnlyWildcards(params: unknown): boolean {
  if (isMatchAnything(params)) return true;
  if (!isPlainObject(params)) return false;
  const values = Object.values(params).filter((value) => value !== undefined);
  return values.length > 0 && values.every(isMatchAnything);
}
