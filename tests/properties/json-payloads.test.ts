/**
 * Properties of payload comparison: json(expected) matches JSON text (string or UTF-8 bytes) iff the parsed
 * value deep-equals expected, key order aside; a diff of two texts is empty iff they are equal; and the excerpt
 * of two unequal strings always shows their first differing offset.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { json } from 'ts-tripwire';
import { diffValues, type FieldMismatch } from '../../src/util/matching';
import { excerptText, stringDifference } from '../../src/util/string-diff';

/** The same value with every object's keys in reverse order: equal for json(), different as text. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reordered(item)]),
  );
}

/** JSON round trip: what a payload's text parses back to (-0 becomes 0, for one). */
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const jsonValue = fc.jsonValue({ maxDepth: 3 });
/** An expected value and a sent one: the same, the same reordered, or unrelated. */
const pair = fc.oneof(
  jsonValue.map((value) => [value, value] as const),
  jsonValue.map((value) => [value, reordered(value)] as const),
  fc.tuple(jsonValue, jsonValue),
);

describe('json(expected)', () => {
  test('matches a JSON string iff its parsed value deep-equals expected', () => {
    fc.assert(
      fc.property(pair, fc.boolean(), ([expected, sent], asBytes) => {
        const text = JSON.stringify(sent);
        const param = asBytes ? new TextEncoder().encode(text) : text;
        expect(json(expected).asymmetricMatch(param)).toBe(isDeepStrictEqual(expected, JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  test('always matches the text it was made from, whatever the key order and spacing', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(json(roundTrip(value)).asymmetricMatch(JSON.stringify(reordered(value), null, 2))).toBe(true);
      }),
    );
  });
});

describe('comparing two texts', () => {
  test('the differences listed are empty iff the strings are equal, JSON or not', () => {
    const text = fc.oneof(
      jsonValue.map((value) => JSON.stringify(value)),
      jsonValue.map((value) => JSON.stringify(reordered(value))),
      fc.string({ maxLength: 120 }),
    );
    fc.assert(
      fc.property(text, text, (expected, actual) => {
        const out: FieldMismatch[] = [];
        diffValues(expected, actual, 'params.Body', out);
        expect(out.length === 0).toBe(expected === actual);
        for (const mismatch of out) expect(mismatch.path.startsWith('params.Body')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('the excerpt of two unequal strings always contains their first differing offset', () => {
    const string = fc.string({ unit: fc.constantFrom('a', 'b', '\n', "'", '😀', 'é'), maxLength: 200 });
    const distinct = fc.oneof(
      fc.tuple(string, string),
      fc.tuple(string, string, string).map(([common, a, b]) => [common + a, common + b] as const),
    );
    fc.assert(
      fc.property(
        distinct.filter(([a, b]) => a !== b),
        fc.integer({ min: 1, max: 40 }),
        ([a, b], context) => {
          const { offset, expected, actual } = stringDifference(a, b, context);
          expect(a.slice(0, offset)).toBe(b.slice(0, offset));
          expect(a.codePointAt(offset)).not.toBe(b.codePointAt(offset));
          for (const [text, window] of [
            [a, expected],
            [b, actual],
          ] as const) {
            expect(window.start).toBeLessThanOrEqual(offset);
            expect(window.end).toBeGreaterThanOrEqual(Math.min(offset + 1, text.length));
            const shown = excerptText(text, window, offset);
            expect(shown).toContain('▸');
            // What follows the marker starts with the first differing character (or says the string ended).
            const after = shown.slice(shown.indexOf('▸') + 2);
            if (offset < text.length)
              expect(after.startsWith(`'${text.slice(offset, offset + 1)}`) || after.startsWith("'\\")).toBe(
                true,
              );
            else expect(after).toBe('<end>');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
