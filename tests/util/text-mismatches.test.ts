/** How diffValues reports two strings or byte arrays that differ: JSON paths, excerpts, or both whole. */
import { describe, expect, test } from '@jest/globals';
import { formatValue } from '../../src/util/format';
import { diffValues, type FieldMismatch } from '../../src/util/matching';

/** Each mismatch as the assertion messages print it. */
function lines(expected: unknown, actual: unknown): string[] {
  const out: FieldMismatch[] = [];
  diffValues(expected, actual, 'params.Body', out);
  return out.map((m) => `${m.path}: expected ${formatValue(m.expected)}, actual ${formatValue(m.actual)}`);
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('two JSON documents', () => {
  test('strings: each differing path with both values, absent keys said so', () => {
    const expected = JSON.stringify({ status: 'SUCCESS', guid: 'SUCCESS', items: [{ qty: 2 }] });
    const actual = JSON.stringify({ items: [{ qty: 3 }], status: 'SUCCESS', extra: null });
    expect(lines(expected, actual)).toEqual([
      "params.Body (JSON) .guid: expected 'SUCCESS', actual <absent>",
      'params.Body (JSON) .items[0].qty: expected 2, actual 3',
      'params.Body (JSON) .extra: expected <absent>, actual null',
    ]);
  });

  test('bytes that decode as UTF-8 JSON, and a string against bytes, compare the same way', () => {
    expect(lines(bytes({ a: 1 }), bytes({ a: 2 }))).toEqual(['params.Body (JSON) .a: expected 1, actual 2']);
    expect(lines(JSON.stringify([1, { b: 'x' }]), bytes([1, { b: 'y' }]))).toEqual([
      "params.Body (JSON) [1].b: expected 'x', actual 'y'",
    ]);
  });

  test('an object against an array is one difference at the document itself', () => {
    expect(lines('{"a":1}', '[1]')).toEqual(['params.Body (JSON): expected { a: 1 }, actual [1]']);
  });

  test('JSON inside JSON (an envelope around a message) is followed', () => {
    const envelope = (inner: unknown) =>
      JSON.stringify({ Type: 'Notification', Message: JSON.stringify(inner) });
    expect(lines(envelope({ id: 1 }), envelope({ id: 2 }))).toEqual([
      'params.Body (JSON) .Message (JSON) .id: expected 1, actual 2',
    ]);
  });

  test('after 8 paths, one line says how many more and names the first five', () => {
    const many = (value: number) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, value])));
    const shown = lines(many(1), many(2));
    expect(shown).toHaveLength(9);
    expect(shown[7]).toBe('params.Body (JSON) .k7: expected 1, actual 2');
    expect(shown[8]).toBe(
      'params.Body (JSON) and 7 more (.k8, .k9, .k10, .k11, .k12, …): expected <not shown>, actual <not shown>',
    );
  });

  test('the same JSON value in different text is still a difference, and says so', () => {
    expect(lines('{"a":1,"b":2}', '{"b":2,"a":1}')).toEqual([
      `params.Body (same JSON value, different text): expected '{"a":1,"b":2}', actual '{"b":2,"a":1}'`,
    ]);
  });

  test('equal bytes are equal; unequal bytes that are not JSON are shown whole', () => {
    expect(lines(bytes({ a: 1 }), Buffer.from(bytes({ a: 1 })))).toEqual([]);
    expect(lines(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toEqual([
      'params.Body: expected new Uint8Array([1, 2]), actual new Uint8Array([1, 3])',
    ]);
  });
});

describe('plain strings', () => {
  test('short strings are shown whole, as before', () => {
    expect(lines('Uploaded weekly.csv', 'Uploaded daily.csv')).toEqual([
      "params.Body: expected 'Uploaded weekly.csv', actual 'Uploaded daily.csv'",
    ]);
  });

  test('a long string shows an excerpt around its first difference on each side', () => {
    const sentence = (n: number) =>
      `Order ${n} for customer c-42 was packed and handed to the carrier at 10:15 with tracking code TRK-0001`;
    expect(lines(sentence(1234), sentence(1235))).toEqual([
      "params.Body (differs at index 9): expected 'Order 123' ▸ '4 for customer c-42 was '…, actual 'Order 123' ▸ '5 for customer c-42 was '…",
    ]);
  });

  test('a long JSON string against a plain one falls back to the excerpt', () => {
    const json = JSON.stringify({ message: 'x'.repeat(70) });
    expect(lines(json, 'not json at all')).toEqual([
      `params.Body (differs at index 0): expected ▸ '{"message":"xxxxxxxxxxxx'…, actual ▸ 'not json at all'`,
    ]);
  });
});
