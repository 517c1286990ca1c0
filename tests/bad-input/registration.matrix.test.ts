import { GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import {
  BAD_LABELS,
  badValue,
  checkCase,
  type Expectation,
  reportCounts,
  userClassConstructions,
} from './support';

reportCounts('registration');

/** Registers on a fresh verifier; a refused registration must leave nothing to verify. */
function register(...args: unknown[]): void {
  const verifier = new StrictVerifier();
  try {
    (verifier.aws.mockCall as (...all: unknown[]) => void)(...args);
  } catch (error) {
    expect(() => verifier.verifyAll()).not.toThrow();
    throw error;
  }
}

const pick = (label: string, table: Record<string, Expectation>, otherwise: Expectation): Expectation =>
  table[label] ?? otherwise;
const AS_STRINGS =
  /mockCall\(\) takes the service and the operation as strings, not .*: verifier\.aws\.mockCall\('s3', 'GetObject'/;
const NOT_A_CLASS =
  /mockCall\(\) was given (an anonymous function|the class UserClass), which is not an AWS SDK v3 command class\. Pass the class itself/;
const TOO_LONG = /is too long to be an? (service|operation) name\. Give the name as the SDK spells it/;

describe('mockCall: the names', () => {
  test.each(BAD_LABELS)('mockCall(%s)', (label) =>
    checkCase(
      () => register(badValue(label)),
      pick(label, { function: NOT_A_CLASS, class: NOT_A_CLASS }, AS_STRINGS),
    ),
  );
  test.each(BAD_LABELS)("mockCall(%s, 'GetObject')", (label) =>
    checkCase(
      () => register(badValue(label), 'GetObject'),
      pick(label, { function: NOT_A_CLASS, class: NOT_A_CLASS, 'huge string': TOO_LONG }, AS_STRINGS),
    ),
  );
  test.each(BAD_LABELS)("mockCall('s3', %s)", (label) =>
    checkCase(() => register('s3', badValue(label)), pick(label, { 'huge string': TOO_LONG }, AS_STRINGS)),
  );
  test('a user class is never constructed to be named', () => {
    expect(userClassConstructions()).toBe(0);
  });
});

const SPEC = /its spec must be an object such as \{ returns: \{ \.\.\. \} \}, not /;
const specTable: Record<string, Expectation> = {
  undefined: 'ok',
  'frozen object': 'ok',
  'circular object': /'name' is not a spec field\. Fields: returns, raises, required, times\./,
  'throwing getter': /'boom' is not a spec field/,
  'throwing Proxy': /its spec must be an object .*cannot be read \(Error: trap exploded\)/,
};

describe('mockCall: the spec', () => {
  test.each(BAD_LABELS)("mockCall('s3', 'GetObject', %s)", (label) =>
    checkCase(() => register('s3', 'GetObject', badValue(label)), pick(label, specTable, SPEC)),
  );
  test.each(BAD_LABELS)('mockCall(GetObjectCommand, %s)', (label) =>
    checkCase(() => register(GetObjectCommand, badValue(label)), pick(label, specTable, SPEC)),
  );
  test.each(BAD_LABELS)('returns: %s', (label) =>
    checkCase(
      () => register('s3', 'GetObject', { returns: badValue(label) }),
      pick(
        label,
        {
          undefined: 'ok',
          function: 'ok',
          'frozen object': 'ok',
          class: /returns was given the class UserClass; give the output object or a function of the params/,
          'circular object':
            /returns\.self refers back to an object that contains it \(a circular reference\)\. Give the output as plain data/,
          'throwing getter':
            /returns\.boom could not be read: reading boom threw Error: getter exploded\. Give the output as plain data/,
        },
        /returns must be the output object \(or a function of the params\), not .*For an output with no members give returns: \{\}/,
      ),
    ),
  );
  test.each(BAD_LABELS)('raises: %s', (label) =>
    checkCase(
      () => register('s3', 'GetObject', { raises: badValue(label) }),
      pick(
        label,
        {
          undefined: 'ok',
          function: 'ok',
          class:
            /raises was given the class UserClass; give an Error instance \(raises: new MyError\(\.\.\.\)\)/,
          'huge string':
            /is not an error code \(a code is one word, such as 'NoSuchKey'\)\. For an error with that message give raises: new Error/,
          'throwing getter':
            /reading raises\.boom threw Error: getter exploded: give raises\.boom as a plain value/,
          array: /raises must be an object such as \{ code: 'NoSuchKey' \}, not an array/,
          'boxed boolean':
            /raises must be an object such as \{ code: 'NoSuchKey' \}, not a boxed primitive, new Boolean\(true\)/,
          'cross-realm object':
            /raises must be an object such as \{ code: 'NoSuchKey' \}, not an instance of Object/,
        },
        /raises must be an Error, an error code \('NoSuchKey'\), \{ code: 'NoSuchKey', message\?: '\.\.\.' \} or a function of the params, not /,
      ),
    ),
  );
  test.each(BAD_LABELS)('times: %s', (label) =>
    checkCase(
      () => register('s3', 'GetObject', { times: badValue(label), required: false }),
      pick(
        label,
        { undefined: 'ok', number: 'ok' },
        /times must be a positive integer, not .*\. Use \{ times: 2 \} to queue it twice\./,
      ),
    ),
  );
  test.each(BAD_LABELS)('required: %s', (label) =>
    checkCase(
      () => register('s3', 'GetObject', { required: badValue(label) }),
      pick(label, { undefined: 'ok' }, /required must be true or false, not /),
    ),
  );
  test.each(BAD_LABELS)('raises: { code, message: %s }', (label) =>
    checkCase(
      () => register('s3', 'GetObject', { raises: { code: 'NoSuchKey', message: badValue(label) } }),
      pick(
        label,
        { undefined: 'ok', 'empty string': 'ok', 'huge string': 'ok' },
        /raises\.message must be a string, not .*: \{ code: 'NoSuchKey', message: 'what went wrong' \}/,
      ),
    ),
  );
  test.each(BAD_LABELS)('returns: { $metadata: %s }', (label) =>
    checkCase(
      () => register('s3', 'GetObject', { returns: { $metadata: badValue(label) } }),
      pick(
        label,
        {
          undefined: 'ok',
          'frozen object': 'ok',
          'circular object':
            /returns\.\$metadata\.self refers back to an object that contains it \(a circular reference\)/,
          'throwing Proxy':
            /returns\.\$metadata could not be read: unreadable: Error: trap exploded\. Give the output as plain data/,
          'throwing getter': /could not be read: reading boom threw Error: getter exploded/,
          'cross-realm object':
            /returns\.\$metadata must be an object such as \{ \.\.\. \}, not an instance of Object/,
        },
        /returns(\.\$metadata must be an object such as \{ \.\.\. \}, not | must be the output object)/,
      ),
    ),
  );
});
