import { Readable } from 'node:stream';
import { describeValue } from '../../util/describe-value';
import { didYouMean } from '../../util/did-you-mean';
import { isPlainObject } from '../../util/values';
import { TripwireConfigError } from '../../verifier/errors';
import type { ErrorFromCode } from './sdk-errors';

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

/** Checks a `mockCall` spec completely before anything is registered. */
export function normalizeSpec(spec: unknown, callText: string): NormalizedSpec {
  if (spec === undefined) return { outcome: { kind: 'returns', value: {} }, required: true, times: 1 };
  if (!isPlainObject(spec)) {
    throw configError(
      callText,
      `its spec must be an object such as { returns: { ... } }, not ${describeValue(spec)}.`,
    );
  }
  for (const key of Object.keys(spec)) {
    if (!SPEC_FIELDS.includes(key)) {
      throw configError(
        callText,
        `'${key}' is not a spec field.${didYouMean(key, SPEC_FIELDS)} Fields: ${SPEC_FIELDS.join(', ')}.`,
      );
    }
  }
  const { returns, raises, required = true, times = 1 } = spec;
  if (returns !== undefined && raises !== undefined) {
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
    raises !== undefined ? raisesOutcome(raises, callText) : returnsOutcome(returns ?? {}, callText);
  if (times > 1 && outcome.kind === 'returns' && hasReadable(outcome.value)) {
    throw configError(
      callText,
      `a Readable stream can be read only once, so it cannot serve times: ${times}. Give the body as a string or bytes; each call then gets a fresh stream.`,
    );
  }
  return { outcome, required, times };
}

function returnsOutcome(returns: unknown, callText: string): Outcome {
  if (typeof returns === 'function') return { kind: 'returns-fn', fn: returns as (params: never) => unknown };
  if (!isPlainObject(returns)) {
    throw configError(
      callText,
      `returns must be the output object (or a function of the params), not ${describeValue(returns)}.`,
    );
  }
  return { kind: 'returns', value: returns };
}

function raisesOutcome(raises: unknown, callText: string): Outcome {
  if (raises instanceof Error) return { kind: 'raises-error', error: raises };
  if (typeof raises === 'function') return { kind: 'raises-fn', fn: raises as (params: never) => unknown };
  if (typeof raises === 'string' && raises !== '') return { kind: 'raises-code', spec: { code: raises } };
  if (isPlainObject(raises) && typeof raises.code === 'string' && raises.code !== '') {
    if (raises.$fault !== undefined && raises.$fault !== 'client' && raises.$fault !== 'server') {
      throw configError(
        callText,
        `raises.$fault must be 'client' or 'server', not ${describeValue(raises.$fault)}.`,
      );
    }
    return { kind: 'raises-code', spec: raises as ErrorFromCode };
  }
  throw configError(
    callText,
    `raises must be an Error, an error code ('NoSuchKey'), { code: 'NoSuchKey', message?: '...' } or a function of the params, not ${describeValue(raises)}.`,
  );
}

function hasReadable(output: unknown): boolean {
  return isPlainObject(output) && Object.values(output).some((value) => value instanceof Readable);
}

function configError(callText: string, problem: string): TripwireConfigError {
  return new TripwireConfigError(`${callText}: ${problem}`);
}
