import { describe, expect, test } from '@jest/globals';
import { CIRCULAR, copyData, copyProblem, readProblem } from '../../src/util/values';

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

describe('copyData on input that cannot be copied as plain data', () => {
  test('a circular reference is copied as the [Circular] marker, never followed or thrown', () => {
    const input: Record<string, unknown> = { Bucket: 'b', list: [1] };
    input.self = input;
    (input.list as unknown[]).push(input);
    const copy = copyData(input, false);
    expect(copy.Bucket).toBe('b');
    expect(copy.self).toBe(CIRCULAR);
    expect((copy.list as unknown[])[1]).toBe(CIRCULAR);
    expect(String(CIRCULAR)).toBe('[Circular]');
  });

  test('a value seen twice but not inside itself is copied twice', () => {
    const shared = { a: 1 };
    const copy = copyData({ left: shared, right: shared });
    expect(copy).toEqual({ left: { a: 1 }, right: { a: 1 } });
  });

  test('a getter that throws is copied as a note of what it threw', () => {
    const input = Object.defineProperty({ Key: 'k' }, 'Bucket', {
      enumerable: true,
      get() {
        throw new TypeError('no bucket');
      },
    });
    const copy = copyData(input) as Record<string, unknown>;
    expect(copy.Key).toBe('k');
    expect(String(copy.Bucket)).toBe('[reading Bucket threw TypeError: no bucket]');
  });

  test('copyProblem names the path of a cycle or of a read that throws; readProblem allows cycles', () => {
    const cyclic: Record<string, unknown> = { Contents: [{ Key: 'k' }] };
    (cyclic.Contents as Record<string, unknown>[])[0]!.owner = cyclic;
    expect(copyProblem(cyclic, 'returns')).toBe(
      'returns.Contents[0].owner refers back to an object that contains it (a circular reference)',
    );
    expect(readProblem(cyclic, 'params')).toBeUndefined();
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(readProblem({ Tags: revoked.proxy }, 'params')).toMatch(
      /^params\.Tags could not be read: unreadable: TypeError: /,
    );
    expect(copyProblem({ a: [1, { b: 'c' }] }, 'returns')).toBeUndefined();
  });
});
