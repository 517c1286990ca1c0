import { isAsymmetricMatcher } from '../../../util/format';
import { isError } from '../../../util/is-error';

/**
 * Whether a recorded error is what an assertion's `raised` names: the same error (or one with the same
 * name and message), its class, its name (`'NoSuchKey'`, `'AbortError'`), or a matcher. A class matches by
 * `instanceof` or by name, so the answer never depends on which copy of the SDK the class came from.
 */
export function raisedMatches(expected: unknown, actual: unknown): boolean {
  if (isAsymmetricMatcher(expected)) return expected.asymmetricMatch(actual);
  const actualName = (actual as { name?: unknown } | null)?.name;
  if (typeof expected === 'string') return actualName === expected;
  if (isError(expected)) {
    return (
      expected === actual ||
      (isError(actual) && expected.name === actual.name && expected.message === actual.message)
    );
  }
  if (typeof expected === 'function') {
    return actual instanceof expected || (expected.name !== '' && actualName === expected.name);
  }
  return false;
}
