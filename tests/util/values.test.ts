import { describe, expect, test } from '@jest/globals';
import { copyData } from '../../src/util/values';

describe('copyData', () => {
  test('copies plain objects and arrays all the way down, holes kept as holes', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is being copied
    const original = { list: [1, , { deep: ['x'] }], when: new Date(5) };
    const copy = copyData(original);

    expect(copy).toEqual(original);
    expect(1 in copy.list).toBe(false);
    expect(copy.list).toHaveLength(3);
    expect(copy.list).not.toBe(original.list);
    expect(copy.list[2]).not.toBe(original.list[2]);
    expect((copy.list[2] as { deep: string[] }).deep).not.toBe((original.list[2] as { deep: string[] }).deep);
    expect(copy.when).not.toBe(original.when);
  });

  test('copies bytes for outputs and keeps them for recorded params; class instances are kept', () => {
    class Token {}
    const original = { bytes: Buffer.from('ab'), token: new Token() };

    const forOutput = copyData(original);
    expect(forOutput.bytes).not.toBe(original.bytes);
    expect(Buffer.isBuffer(forOutput.bytes)).toBe(true);
    expect(forOutput.token).toBe(original.token);

    expect(copyData(original, false).bytes).toBe(original.bytes);
  });
});
