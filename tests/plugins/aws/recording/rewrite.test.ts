/**
 * The walks that redaction and placeholders are built on: `rewrite` reaches plain objects inside arrays, sets
 * and maps, and `mapLeaves` reaches every string and date in them, both returning copies.
 */
import { describe, expect, test } from '@jest/globals';
import { DROP, mapLeaves, rewrite } from '../../../../src/plugins/aws/recording/rewrite';

describe('rewrite', () => {
  const hideSecrets = (key: string, value: unknown) => {
    if (key === 'Secret') return '<hidden>';
    return key === 'Noise' ? DROP : value;
  };

  test('replaces and drops members of objects in arrays, sets and maps, at any depth', () => {
    const record = { Secret: 's', Noise: 1, Name: 'n' };
    const value = { List: [record], Unique: new Set([record]), ByKey: new Map([['k', { Inner: record }]]) };

    expect(rewrite(value, hideSecrets)).toEqual({
      List: [{ Secret: '<hidden>', Name: 'n' }],
      Unique: new Set([{ Secret: '<hidden>', Name: 'n' }]),
      ByKey: new Map([['k', { Inner: { Secret: '<hidden>', Name: 'n' } }]]),
    });
    expect(record).toEqual({ Secret: 's', Noise: 1, Name: 'n' });
  });

  test('does not go inside a replacement, and keeps values that are not plain objects', () => {
    const date = new Date(0);
    const copy = rewrite({ Secret: { Secret: 'kept' }, When: date }, (key, value) =>
      key === 'Secret' ? { Secret: 'replaced' } : value,
    );

    expect(copy).toEqual({ Secret: { Secret: 'replaced' }, When: date });
  });
});

describe('mapLeaves', () => {
  const upper = (leaf: string | Date) => (typeof leaf === 'string' ? leaf.toUpperCase() : leaf.getTime());

  test('passes every string and date, in arrays, sets and maps, keeping other values and map keys', () => {
    const value = { List: ['a', 1], Unique: new Set(['b']), ByKey: new Map([['k', ['c', new Date(5)]]]) };

    expect(mapLeaves(value, upper)).toEqual({
      List: ['A', 1],
      Unique: new Set(['B']),
      ByKey: new Map([['k', ['C', 5]]]),
    });
  });
});
