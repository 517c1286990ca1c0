import { describe, expect, test } from '@jest/globals';
import { closestMatches, didYouMean } from '../../src/util/did-you-mean';

describe('did you mean', () => {
  test('suggests the closest name, ignoring case', () => {
    expect(didYouMean('getobject', ['GetObject', 'PutObject', 'ListBuckets'])).toBe(
      " Did you mean 'GetObject'?",
    );
  });

  test('lists every name at the best distance when they tie', () => {
    expect(didYouMean('Bat', ['Cat', 'Hat', 'Batch2'])).toBe(" Did you mean 'Cat' or 'Hat'?");
    expect(closestMatches('Xet', ['Get', 'Let', 'Set'])).toEqual(['Get', 'Let', 'Set']);
    expect(didYouMean('Xet', ['Get', 'Let', 'Set'])).toBe(" Did you mean 'Get', 'Let' or 'Set'?");
  });

  test('says nothing when no name is close', () => {
    expect(didYouMean('Completely', ['GetObject'])).toBe('');
  });

  test('a huge word is compared with nothing, so it costs no time', () => {
    const candidates = Array.from({ length: 200 }, (_, index) => `Operation${index}`);
    expect(closestMatches('x'.repeat(1_000_000), candidates)).toEqual([]);
    // Just over the length compared, a name that would otherwise be one edit away is not suggested.
    expect(closestMatches(`${'a'.repeat(101)}`, ['a'.repeat(100)])).toEqual([]);
    expect(closestMatches(`${'a'.repeat(100)}`, ['a'.repeat(99)])).toEqual(['a'.repeat(99)]);
  });
});
