/**
 * The placeholders that keep recorded code consistent: one per distinct real value, numbered per kind,
 * timestamps in order from 2000-01-01, and values given back untouched while nothing is known.
 */
import { describe, expect, test } from '@jest/globals';
import { Substitutions } from '../../../../src/plugins/aws/recording/substitutions';

const token = (n: number) => `token-${n}`;

describe('Substitutions', () => {
  test('a real value keeps the placeholder it got first; each new one takes the next number', () => {
    const substitutions = new Substitutions();

    const given = ['a', 'b', 'a'].map((real) => substitutions.replace(real, 'token', token));

    expect(given).toEqual(['token-1', 'token-2', 'token-1']);
    expect(substitutions.apply({ NextToken: 'b', Other: 'c' })).toEqual({ NextToken: 'token-2', Other: 'c' });
  });

  test('timestamps become seconds from 2000-01-01 in the order of the instants, the same instant once', () => {
    const substitutions = new Substitutions();
    substitutions.planStamps([9_000, 3_000, 9_000]);

    expect(substitutions.apply([new Date(9_000), new Date(3_000), new Date(1)])).toEqual([
      new Date('2000-01-01T00:00:01Z'),
      new Date('2000-01-01T00:00:00Z'),
      new Date(1),
    ]);
  });

  test('while nothing is known, apply gives the value itself, not a copy', () => {
    const substitutions = new Substitutions();
    const value = { Name: '<redacted>' };

    // A real value that is its own placeholder is nothing to replace.
    expect(substitutions.replaceWith('<redacted>', '<redacted>')).toBe('<redacted>');

    expect(substitutions.apply(value)).toBe(value);
  });
});
