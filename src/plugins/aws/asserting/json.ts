import type { AsymmetricMatcher } from '../../../util/format';
import { guardedRead } from '../../../util/guarded-read';
import { JsonMatcher, jsonExpectationProblem } from '../../../util/json-matcher';
import { jsonArgumentError, unreadableJsonArgumentError } from '../messages/assertion-errors';

/**
 * Matches a param that is JSON text, a string or UTF-8 bytes (SQS `MessageBody`, Lambda `Payload`), by the
 * value it parses to: `json({ id: 1 })` is exact (key order and whitespace aside), and matchers work inside
 * it and for all of it (`json(expect.objectContaining({ id: 1 }))`). In messages and hints it prints as
 * `tripwire.json({ ... })`.
 */
export function json(expected: unknown): AsymmetricMatcher {
  const problem = guardedRead(() => jsonExpectationProblem(expected));
  if (!problem.ok) throw unreadableJsonArgumentError(problem.error);
  if (problem.value !== undefined) throw jsonArgumentError(problem.value);
  return new JsonMatcher(expected);
}
