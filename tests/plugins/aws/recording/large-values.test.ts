/**
 * Params too large to write in a test (an upload part) asserted as `tripwire.ANY`: strings and byte arrays
 * past 16 KiB, each reported by its key and size, anything up to the limit kept as sent.
 */
import { describe, expect, test } from '@jest/globals';
import { LARGEST_PARAM, wildcardLargeParams } from '../../../../src/plugins/aws/recording/large-values';
import { ANY } from '../../../../src/util/matching';

function wildcarded(params: unknown): { params: unknown; found: string[] } {
  const found: string[] = [];
  return { params: wildcardLargeParams(params, (what) => found.push(what)), found };
}

describe('wildcardLargeParams', () => {
  test('a string or byte array past 16 KiB becomes tripwire.ANY, reported with its size in its own unit', () => {
    const text = 'x'.repeat(16 * 1024 + 1);
    const bytes = new Uint8Array(20_000);

    const { params, found } = wildcarded({ Key: 'k', Document: text, Part: { Body: bytes } });

    // Compared by identity: in toEqual's expected value, ANY would match whatever was left there.
    const { Key, Document, Part } = params as { Key: unknown; Document: unknown; Part: { Body: unknown } };
    expect(Key).toBe('k');
    expect(Document).toBe(ANY);
    expect(Part.Body).toBe(ANY);
    expect(found).toEqual(['Document (16385 characters)', 'Body (20000 bytes)']);
  });

  test('up to 16 KiB is kept as it is', () => {
    const params = { Document: 'x'.repeat(LARGEST_PARAM), Body: new Uint8Array(LARGEST_PARAM) };

    expect(wildcarded(params)).toEqual({ params, found: [] });
  });
});
