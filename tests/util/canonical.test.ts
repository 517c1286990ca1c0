import { Readable } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { tripwire } from 'ts-tripwire';
import { canonicalKey } from '../../src/util/canonical';
import { diffValues, type FieldMismatch } from '../../src/util/matching';

function equalForAssertions(expected: unknown, actual: unknown): boolean {
  const out: FieldMismatch[] = [];
  diffValues(expected, actual, '', out);
  return out.length === 0;
}

/**
 * Params as calls carry them, from small domains so that equal pairs are common: every scalar kind the key
 * writes, bytes, dates, arrays and objects with undefined members. No -0: the key treats it as 0.
 */
const { param } = fc.letrec<{ param: unknown }>((tie) => ({
  param: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('', 'a', 'b', '1', 'true', 'null', '[', ',', '"'),
    fc.integer({ min: 0, max: 2 }),
    fc.constantFrom(true, false, null, Number.NaN, 1.5),
    fc.bigInt({ min: 0n, max: 2n }),
    fc.uint8Array({ maxLength: 2, max: 1 }),
    fc.integer({ min: 0, max: 1 }).map((time) => new Date(time)),
    fc.array(tie('param'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(tie('param'), fc.constant(undefined)), {
      maxKeys: 3,
    }),
  ),
}));

describe('canonicalKey', () => {
  test('two params share a key exactly when an assertion would find them equal', () => {
    fc.assert(
      fc.property(param, param, (left, right) => {
        const leftKey = canonicalKey(left);
        const rightKey = canonicalKey(right);
        expect(leftKey).toBeDefined();
        expect(leftKey === rightKey).toBe(equalForAssertions(left, right));
      }),
      { numRuns: 1000 },
    );
  });

  test('equal by content whatever the view: bytes, dates, key order, undefined members', () => {
    const window = new Uint8Array([9, 1, 2, 9]).subarray(1, 3);
    expect(canonicalKey(window)).toBe(canonicalKey(Buffer.from([1, 2])));
    expect(canonicalKey({ a: 1, b: [new Date(5)] })).toBe(
      canonicalKey({ b: [new Date(5)], c: undefined, a: 1 }),
    );
  });

  test('exact keys of each kind', () => {
    expect(canonicalKey({ b: 'x', a: [1, true, null, 2n] })).toBe('{"a":[1,true,null,2n,],"b":"x",}');
    expect(canonicalKey(new Uint8Array([1, 2]))).toBe('b:AQI=');
    expect(canonicalKey(new Date(5))).toBe('d:5');
    expect(canonicalKey([])).toBe('[]');
    expect(canonicalKey({})).toBe('{}');
  });

  test('no key for what only the real comparison can decide: matchers, streams, functions, class instances', () => {
    for (const value of [
      tripwire.ANY,
      expect.any(String),
      Readable.from([]),
      () => 1,
      Symbol('s'),
      undefined,
      new Map(),
      { Key: expect.anything() },
      [1, tripwire.ANY],
      { Body: Readable.from([]) },
      [[new Set()]],
    ]) {
      expect(canonicalKey(value)).toBeUndefined();
    }
  });
});
