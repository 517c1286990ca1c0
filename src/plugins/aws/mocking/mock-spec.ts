import { Readable } from 'node:stream';
import { types } from 'node:util';
import { TripwireConfigError } from '../../../errors';
import { describeValue } from '../../../util/describe-value';
import { didYouMean } from '../../../util/did-you-mean';
import { describeThrown, guardedRead } from '../../../util/guarded-read';
import { copyProblem, isPlainObject, type PlainObject } from '../../../util/values';
import type { ErrorFromCode } from '../sdk/sdk-errors';

/** What a mocked call does: resolve to an output, or reject with an error. */
export type Outcome =
  | { readonly kind: 'returns'; readonly value: unknown }
  | { readonly kind: 'returns-fn'; readonly fn: (params: never) => unknown }
  | { readonly kind: 'raises-error'; readonly error: Error }
  | { readonly kind: 'raises-code'; readonly spec: ErrorFromCode }
  | { readonly kind: 'raises-fn'; readonly fn: (params: never) => unknown };

export interface NormalizedSpec {
  readonly outcome: Outcome;
  readonly required: boolean;
  readonly times: number;
}

const SPEC_FIELDS = ['returns', 'raises', 'required', 'times'];

// The `$metadata` members the SDK defines, and the type each must have when given.
const METADATA_TYPES: Readonly<Record<string, 'number' | 'string'>> = {
  httpStatusCode: 'number',
  requestId: 'string',
  extendedRequestId: 'string',
  cfId: 'string',
  attempts: 'number',
  totalRetryDelay: 'number',
};

/**
 * Checks a `mockCall` spec completely before anything is registered. Every field is read once, inside a
 * guard (a getter or a Proxy that throws becomes a clear error), and only what was read is used.
 */
export function normalizeSpec(spec: unknown, callText: string): NormalizedSpec {
  if (spec === undefined) return { outcome: { kind: 'returns', value: {} }, required: true, times: 1 };
  const fields = readFields(spec, callText, 'its spec', SPEC_FIELDS);
  const { returns, raises, required = true, times = 1 } = fields;
  if ('returns' in fields && 'raises' in fields && returns !== undefined && raises !== undefined) {
    throw configError(
      callText,
      'give either returns or raises, not both. Register two mocks for two outcomes.',
    );
  }
  if (typeof required !== 'boolean') {
    throw configError(callText, `required must be true or false, not ${describeValue(required)}.`);
  }
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
    throw configError(
      callText,
      `times must be a positive integer, not ${describeValue(times)}. Use { times: 2 } to queue it twice.`,
    );
  }
  const outcome =
    raises !== undefined
      ? raisesOutcome(raises, callText)
      : returnsOutcome(returns, 'returns' in fields, callText);
  if (times > 1 && outcome.kind === 'returns' && hasReadable(outcome.value)) {
    throw configError(
      callText,
      `a Readable stream can be read only once, so it cannot serve times: ${times}. Give the body as a string or bytes; each call then gets a fresh stream.`,
    );
  }
  return { outcome, required, times };
}

/**
 * The own fields of a spec-like object, each read once; an unknown field, a read that throws or a value
 * that is not a plain object is a `TripwireConfigError` naming the field.
 */
function readFields(value: unknown, callText: string, what: string, known?: readonly string[]): PlainObject {
  const plain = guardedRead(() => isPlainObject(value));
  if (!plain.ok || !plain.value) {
    const shown = plain.ok
      ? describeValue(value)
      : `an object that cannot be read (${describeThrown(plain.error)})`;
    throw configError(callText, `${what} must be an object such as ${example(what)}, not ${shown}.`);
  }
  const keys = guardedRead(() => Object.keys(value as object));
  if (!keys.ok) {
    throw configError(
      callText,
      `${what} cannot be read (${describeThrown(keys.error)}): give a plain object such as ${example(what)}.`,
    );
  }
  const fields: PlainObject = {};
  for (const key of keys.value) {
    if (known !== undefined && !known.includes(key)) {
      throw configError(
        callText,
        `'${key}' is not a spec field.${didYouMean(key, known)} Fields: ${known.join(', ')}.`,
      );
    }
    const read = guardedRead(() => (value as PlainObject)[key]);
    if (!read.ok) {
      const field = what === 'its spec' ? key : `${what}.${key}`;
      throw configError(
        callText,
        `reading ${field} threw ${describeThrown(read.error)}: give ${field} as a plain value, not a getter or a Proxy.`,
      );
    }
    fields[key] = read.value;
  }
  return fields;
}

function example(what: string): string {
  return what === 'raises'
    ? "{ code: 'NoSuchKey' }"
    : what === 'its spec'
      ? '{ returns: { ... } }'
      : '{ ... }';
}

function returnsOutcome(returns: unknown, given: boolean, callText: string): Outcome {
  if (!given || returns === undefined) return { kind: 'returns', value: {} };
  if (typeof returns === 'function') {
    refuseClass(
      returns,
      'returns',
      'the output object or a function of the params that returns it',
      callText,
    );
    return { kind: 'returns-fn', fn: returns as (params: never) => unknown };
  }
  if (returns === null || !guardedRead(() => isPlainObject(returns)).ok || !isPlainObject(returns)) {
    throw configError(
      callText,
      `returns must be the output object (or a function of the params), not ${describeValue(returns)}. ` +
        'For an output with no members give returns: {} (or leave returns out).',
    );
  }
  // Outputs are copied for every call: what cannot be copied (a cycle, a getter that throws) is refused now.
  const problem = copyProblem(returns, 'returns');
  if (problem !== undefined) {
    throw configError(
      callText,
      `${problem}. Give the output as plain data (objects, arrays, strings, numbers, dates, bytes).`,
    );
  }
  checkMetadata(returns.$metadata, 'returns', callText);
  return { kind: 'returns', value: returns };
}

function raisesOutcome(raises: unknown, callText: string): Outcome {
  // isNativeError also knows an Error made in another realm (vm, a worker's message), which instanceof does not.
  const isError = guardedRead(() => types.isNativeError(raises) || raises instanceof Error);
  if (isError.ok && isError.value) return { kind: 'raises-error', error: raises as Error };
  if (typeof raises === 'function') {
    refuseClass(
      raises,
      'raises',
      'an Error instance (raises: new MyError(...)) or a function of the params that returns one',
      callText,
    );
    return { kind: 'raises-fn', fn: raises as (params: never) => unknown };
  }
  if (typeof raises === 'string' && raises !== '')
    return { kind: 'raises-code', spec: { code: checkCode(raises, callText) } };
  if (raises !== null && typeof raises === 'object' && isError.ok) {
    const fields = readFields(raises, callText, 'raises');
    if (typeof fields.code === 'string' && fields.code !== '') {
      checkCode(fields.code, callText);
      return { kind: 'raises-code', spec: errorFromCode(fields, callText) };
    }
  }
  throw configError(
    callText,
    `raises must be an Error, an error code ('NoSuchKey'), { code: 'NoSuchKey', message?: '...' } or a function of the params, not ${describeValue(raises)}.`,
  );
}

// Error codes are short identifiers; a long string is a message given where a code belongs.
const LONGEST_CODE = 128;

function checkCode(code: string, callText: string): string {
  if (code.length <= LONGEST_CODE && !/\s/.test(code)) return code;
  throw configError(
    callText,
    `${describeValue(code)} is not an error code (a code is one word, such as 'NoSuchKey'). ` +
      "For an error with that message give raises: new Error('...'), or raises: { code: 'NoSuchKey', message: '...' }.",
  );
}

/** A class where a function of the params belongs would be called without `new` when the mock is used. */
function refuseClass(fn: unknown, field: string, instead: string, callText: string): void {
  const isClass = guardedRead(() => /^class\b/.test(Function.prototype.toString.call(fn)));
  if (isClass.ok && isClass.value) {
    throw configError(callText, `${field} was given ${describeValue(fn)}; give ${instead}.`);
  }
}

function errorFromCode(fields: PlainObject, callText: string): ErrorFromCode {
  if (fields.$fault !== undefined && fields.$fault !== 'client' && fields.$fault !== 'server') {
    throw configError(
      callText,
      `raises.$fault must be 'client' or 'server', not ${describeValue(fields.$fault)}.`,
    );
  }
  if (fields.message !== undefined && typeof fields.message !== 'string') {
    throw configError(
      callText,
      `raises.message must be a string, not ${describeValue(fields.message)}: { code: '${fields.code}', message: 'what went wrong' }.`,
    );
  }
  checkMetadata(fields.$metadata, 'raises', callText);
  return fields as ErrorFromCode;
}

/** A given `$metadata` is merged over the defaults, so it must be an object of the SDK's members. */
function checkMetadata(metadata: unknown, where: string, callText: string): void {
  if (metadata === undefined) return;
  const fields = readFields(metadata, callText, `${where}.$metadata`);
  for (const [member, type] of Object.entries(METADATA_TYPES)) {
    const value = fields[member];
    if (value !== undefined && typeof value !== type) {
      throw configError(
        callText,
        `${where}.$metadata.${member} must be a ${type}, not ${describeValue(value)}.`,
      );
    }
  }
}

function hasReadable(output: unknown): boolean {
  return isPlainObject(output) && Object.values(output).some((value) => value instanceof Readable);
}

function configError(callText: string, problem: string): TripwireConfigError {
  return new TripwireConfigError(`${callText}: ${problem}`);
}
