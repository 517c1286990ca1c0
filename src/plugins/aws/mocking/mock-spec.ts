import { Readable } from 'node:stream';
import { guardedRead } from '../../../util/guarded-read';
import { isError } from '../../../util/is-error';
import { copyProblem, isPlainObject, type PlainObject } from '../../../util/values';
import { registrationError } from '../messages/registration-errors';
import { specProblem } from '../messages/spec-errors';
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
    throw registrationError(callText, specProblem.bothOutcomes());
  }
  if (typeof required !== 'boolean') {
    throw registrationError(callText, specProblem.required(required));
  }
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
    throw registrationError(callText, specProblem.times(times));
  }
  const outcome =
    raises !== undefined
      ? raisesOutcome(raises, callText)
      : returnsOutcome(returns, 'returns' in fields, callText);
  if (times > 1 && outcome.kind === 'returns' && hasReadable(outcome.value)) {
    throw registrationError(callText, specProblem.readableTimes(times));
  }
  return { outcome, required, times };
}

/**
 * The own fields of a spec-like object, each read once; an unknown field, a read that throws or a value
 * that is not a plain object is a `TripwireConfigError` naming the field.
 */
function readFields(value: unknown, callText: string, what: string, known?: readonly string[]): PlainObject {
  const plain = guardedRead(() => isPlainObject(value));
  if (!plain.ok) throw registrationError(callText, specProblem.objectUnreadable(what, plain.error));
  if (!plain.value) throw registrationError(callText, specProblem.notAnObject(what, value));
  const keys = guardedRead(() => Object.keys(value as object));
  if (!keys.ok) {
    throw registrationError(callText, specProblem.keysUnreadable(what, keys.error));
  }
  const fields: PlainObject = {};
  for (const key of keys.value) {
    if (known !== undefined && !known.includes(key)) {
      throw registrationError(callText, specProblem.unknownField(key, known));
    }
    const read = guardedRead(() => (value as PlainObject)[key]);
    if (!read.ok) {
      const field = what === 'its spec' ? key : `${what}.${key}`;
      throw registrationError(callText, specProblem.readThrew(field, read.error));
    }
    fields[key] = read.value;
  }
  return fields;
}

function returnsOutcome(returns: unknown, given: boolean, callText: string): Outcome {
  if (!given || returns === undefined) return { kind: 'returns', value: {} };
  if (typeof returns === 'function') {
    refuseClass(returns, 'returns', callText);
    return { kind: 'returns-fn', fn: returns as (params: never) => unknown };
  }
  if (returns === null || !guardedRead(() => isPlainObject(returns)).ok || !isPlainObject(returns)) {
    throw registrationError(callText, specProblem.returns(returns));
  }
  // Outputs are copied for every call: what cannot be copied (a cycle, a getter that throws) is refused now.
  const problem = copyProblem(returns, 'returns');
  if (problem !== undefined) {
    throw registrationError(callText, specProblem.uncopyable(problem));
  }
  checkMetadata(returns.$metadata, 'returns', callText);
  return { kind: 'returns', value: returns };
}

function raisesOutcome(raises: unknown, callText: string): Outcome {
  // An Error of another realm (vm, a worker's message) too, which instanceof alone does not know.
  const anError = guardedRead(() => isError(raises));
  if (anError.ok && anError.value) return { kind: 'raises-error', error: raises as Error };
  if (typeof raises === 'function') {
    refuseClass(raises, 'raises', callText);
    return { kind: 'raises-fn', fn: raises as (params: never) => unknown };
  }
  if (typeof raises === 'string' && raises !== '')
    return { kind: 'raises-code', spec: { code: checkCode(raises, callText) } };
  if (raises !== null && typeof raises === 'object' && anError.ok) {
    const fields = readFields(raises, callText, 'raises');
    if (typeof fields.code === 'string' && fields.code !== '') {
      checkCode(fields.code, callText);
      return { kind: 'raises-code', spec: errorFromCode(fields, callText) };
    }
  }
  throw registrationError(callText, specProblem.raises(raises));
}

// Error codes are short identifiers; a long string is a message given where a code belongs.
const LONGEST_CODE = 128;

function checkCode(code: string, callText: string): string {
  if (code.length <= LONGEST_CODE && !/\s/.test(code)) return code;
  throw registrationError(callText, specProblem.notACode(code));
}

/** A class where a function of the params belongs would be called without `new` when the mock is used. */
function refuseClass(fn: unknown, field: 'returns' | 'raises', callText: string): void {
  const isClass = guardedRead(() => /^class\b/.test(Function.prototype.toString.call(fn)));
  if (isClass.ok && isClass.value) throw registrationError(callText, specProblem.classGiven(field, fn));
}

function errorFromCode(fields: PlainObject, callText: string): ErrorFromCode {
  if (fields.$fault !== undefined && fields.$fault !== 'client' && fields.$fault !== 'server') {
    throw registrationError(callText, specProblem.fault(fields.$fault));
  }
  if (fields.message !== undefined && typeof fields.message !== 'string') {
    throw registrationError(callText, specProblem.message(fields.message, fields.code));
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
      throw registrationError(callText, specProblem.metadataMember(where, member, type, value));
    }
  }
}

function hasReadable(output: unknown): boolean {
  return isPlainObject(output) && Object.values(output).some((value) => value instanceof Readable);
}
