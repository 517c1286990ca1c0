import { Readable } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { summarizeForPayload } from '../../../../src/plugins/aws/asserting/summaries';

describe('summarizeForPayload: params as plain data for error payloads', () => {
  test('primitives and null are kept as they are', () => {
    for (const value of ['text', 42, true, null, undefined, 10n]) {
      expect(summarizeForPayload(value)).toBe(value);
    }
  });

  test('byte arrays up to 1 KiB are copied; longer ones become their size', () => {
    const small = Buffer.alloc(1024, 7);
    const copy = summarizeForPayload(small);
    expect(copy).toEqual(new Uint8Array(1024).fill(7));
    expect(copy).not.toBe(small);
    expect(copy).toBeInstanceOf(Uint8Array);
    expect(summarizeForPayload(Buffer.alloc(1025))).toBe('<Buffer 1025 bytes>');
    expect(summarizeForPayload(new Uint8Array(11534336))).toBe('<Uint8Array 11534336 bytes>');
  });

  test('streams become their class name, or "stream" when they have none', () => {
    expect(summarizeForPayload(Readable.from(['a']))).toBe('<Readable>');
    const bare = Object.assign(Object.create(null), { pipe: () => undefined });
    expect(summarizeForPayload(bare)).toBe('<stream>');
    expect(summarizeForPayload(new Blob(['x']))).toBe('<Blob>');
  });

  test('arrays, dates and plain objects are summarised member by member; undefined members are dropped', () => {
    const date = new Date('2026-01-02T03:04:05Z');
    const summary = summarizeForPayload({
      Items: [Buffer.alloc(2000), 'a', { Body: Readable.from([]) }],
      At: date,
      Missing: undefined,
    }) as { Items: unknown[]; At: Date };
    expect(summary).toEqual({ Items: ['<Buffer 2000 bytes>', 'a', { Body: '<Readable>' }], At: date });
    expect(Object.keys(summary)).toEqual(['Items', 'At']);
    expect(summary.At).not.toBe(date);
    expect(summary.At).toBeInstanceOf(Date);
  });

  test('any other object becomes its string form', () => {
    expect(summarizeForPayload(new URL('https://example.com/a'))).toBe('https://example.com/a');
    expect(summarizeForPayload(new Map([[1, 2]]))).toBe('[object Map]');
  });
});
