/**
 * Which captured calls overlapped in time, so that their assertions go in one `inAnyOrder` block: a group
 * lasts while any call in it is unsettled, and a call that never settled keeps its group open.
 */
import { describe, expect, test } from '@jest/globals';
import { overlapGroups, type Span } from '../../../../src/plugins/aws/recording/overlap';

const span = (started: number, settled?: number): Span => ({ started, settled });

describe('overlapGroups', () => {
  test('no spans, no groups', () => {
    expect(overlapGroups([])).toEqual([]);
  });

  test('calls one after another each start a group named by their index', () => {
    expect(overlapGroups([span(1, 2), span(3, 4), span(5, 6)])).toEqual([0, 1, 2]);
  });

  test('a group lasts until its longest call settles, not the latest one', () => {
    const spans = [span(1, 10), span(2, 3), span(5, 6), span(11, 12)];

    expect(overlapGroups(spans)).toEqual([0, 0, 0, 3]);
  });

  test('a call that never settled overlaps every call after it', () => {
    expect(overlapGroups([span(1, 2), span(3), span(4, 5), span(100, 101)])).toEqual([0, 1, 1, 1]);
  });
});
