import { CallMatcher, isAsymmetricMatcher } from './format';
import { parseJson } from './json-text';
import { diffValues, type ExplainingMatcher, type FieldMismatch, pushJsonPaths } from './matching';
import { isPlainObject } from './values';

/**
 * Matches a string, or UTF-8 bytes, holding JSON whose parsed value equals `expected` (exactly, key order
 * aside, matchers allowed at any depth) or, when `expected` is a matcher, satisfies it.
 */
export class JsonMatcher extends CallMatcher implements ExplainingMatcher {
  readonly callee = 'tripwire.json';

  constructor(readonly expected: unknown) {
    super();
  }

  get argument(): unknown {
    return this.expected;
  }

  asymmetricMatch(actual: unknown): boolean {
    const parsed = parseJson(actual);
    if (parsed === undefined) return false;
    if (isAsymmetricMatcher(this.expected)) return this.expected.asymmetricMatch(parsed.value);
    const mismatches: FieldMismatch[] = [];
    diffValues(this.expected, parsed.value, '', mismatches);
    return mismatches.length === 0;
  }

  /** Where the parsed value differs, path by path, or the parsed value beside a matcher it fails. */
  explainMismatch(actual: unknown, path: string, out: FieldMismatch[]): void {
    const parsed = parseJson(actual);
    if (parsed === undefined) {
      out.push({ path: `${path} (not JSON)`, expected: this, actual });
      return;
    }
    const inner: FieldMismatch[] = [];
    diffValues(this.expected, parsed.value, '', inner);
    if (inner.length === 0)
      out.push({ path: `${path} (JSON)`, expected: this.expected, actual: parsed.value });
    else pushJsonPaths(path, inner, out);
  }
}

/**
 * Why `value` can never be what a JSON text parses to (a Date, a function, a cycle), naming where; `undefined`
 * when it can: plain objects, arrays, strings, finite numbers, booleans, null, and matchers at any depth.
 * `undefined` inside an object means the key is absent.
 */
export function jsonExpectationProblem(value: unknown): string | undefined {
  return problemWithin(value, '', new Set(), true);
}

function problemWithin(
  value: unknown,
  path: string,
  ancestors: Set<object>,
  inObject: boolean,
): string | undefined {
  const where = path === '' ? '' : ` at ${path}`;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : `${value}${where} is not a JSON number`;
  }
  if (value === undefined) return inObject && path !== '' ? undefined : `undefined${where} is not JSON`;
  if (isAsymmetricMatcher(value)) return undefined;
  if (typeof value !== 'object') return `a ${typeof value}${where} is not JSON`;
  if (ancestors.has(value)) return `a cycle${where} is not JSON`;
  if (value instanceof Date)
    return `a Date${where} is not JSON: give the string it is sent as ('${dateText(value)}')`;
  if (!Array.isArray(value) && !isPlainObject(value)) {
    return `${value.constructor?.name ?? 'an object'}${where} is not JSON: give the value its JSON text parses to`;
  }
  ancestors.add(value);
  try {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [`${path}[${index}]`, item, false] as const)
      : Object.entries(value).map(([key, item]) => [`${path}.${key}`, item, true] as const);
    for (const [childPath, item, child] of entries) {
      const problem = problemWithin(item, childPath, ancestors, child);
      if (problem !== undefined) return problem;
    }
    return undefined;
  } finally {
    ancestors.delete(value);
  }
}

function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'an ISO date' : date.toISOString();
}
