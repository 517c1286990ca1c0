import { describeValue } from '../../../util/describe-value';
import { didYouMean } from '../../../util/did-you-mean';
import { describeThrown } from '../../../util/guarded-read';

/**
 * What is wrong with a `mockCall` spec, each said after the registration's name by `registrationError`.
 * `what` names the object read: `its spec`, `raises`, `returns.$metadata`, ...
 */
export const specProblem = {
  bothOutcomes: (): string => 'give either returns or raises, not both. Register two mocks for two outcomes.',
  required: (required: unknown): string => `required must be true or false, not ${describeValue(required)}.`,
  times: (times: unknown): string =>
    `times must be a positive integer, not ${describeValue(times)}. Use { times: 2 } to queue it twice.`,
  readableTimes: (times: number): string =>
    `a Readable stream can be read only once, so it cannot serve times: ${times}. Give the body as a string or bytes; each call then gets a fresh stream.`,
  notAnObject: (what: string, value: unknown): string =>
    `${what} must be an object such as ${example(what)}, not ${describeValue(value)}.`,
  objectUnreadable: (what: string, error: unknown): string =>
    `${what} must be an object such as ${example(what)}, not an object that cannot be read (${describeThrown(error)}).`,
  keysUnreadable: (what: string, error: unknown): string =>
    `${what} cannot be read (${describeThrown(error)}): give a plain object such as ${example(what)}.`,
  unknownField: (key: string, known: readonly string[]): string =>
    `'${key}' is not a spec field.${didYouMean(key, known)} Fields: ${known.join(', ')}.`,
  readThrew: (field: string, error: unknown): string =>
    `reading ${field} threw ${describeThrown(error)}: give ${field} as a plain value, not a getter or a Proxy.`,
  classGiven: (field: 'returns' | 'raises', given: unknown): string =>
    `${field} was given ${describeValue(given)}; give ${field === 'returns' ? 'the output object or a function of the params that returns it' : 'an Error instance (raises: new MyError(...)) or a function of the params that returns one'}.`,
  returns: (returns: unknown): string =>
    `returns must be the output object (or a function of the params), not ${describeValue(returns)}. ` +
    'For an output with no members give returns: {} (or leave returns out).',
  /** `problem` says what cannot be copied: a cycle, a getter that throws. */
  uncopyable: (problem: string): string =>
    `${problem}. Give the output as plain data (objects, arrays, strings, numbers, dates, bytes).`,
  raises: (raises: unknown): string =>
    `raises must be an Error, an error code ('NoSuchKey'), { code: 'NoSuchKey', message?: '...' } or a function of the params, not ${describeValue(raises)}.`,
  notACode: (code: string): string =>
    `${describeValue(code)} is not an error code (a code is one word, such as 'NoSuchKey'). ` +
    "For an error with that message give raises: new Error('...'), or raises: { code: 'NoSuchKey', message: '...' }.",
  fault: (fault: unknown): string =>
    `raises.$fault must be 'client' or 'server', not ${describeValue(fault)}.`,
  message: (message: unknown, code: unknown): string =>
    `raises.message must be a string, not ${describeValue(message)}: { code: '${code}', message: 'what went wrong' }.`,
  metadataMember: (where: string, member: string, type: string, value: unknown): string =>
    `${where}.$metadata.${member} must be a ${type}, not ${describeValue(value)}.`,
};

function example(what: string): string {
  return what === 'raises'
    ? "{ code: 'NoSuchKey' }"
    : what === 'its spec'
      ? '{ returns: { ... } }'
      : '{ ... }';
}
