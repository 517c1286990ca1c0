import { Readable } from 'node:stream';
import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { InteractionMismatchError, StrictVerifier, tripwire } from 'ts-tripwire';
import { ABSENT, ANY, diffValues, type FieldMismatch, isOnlyWildcards } from '../../src/util/matching';

function diff(expected: unknown, actual: unknown, path = ''): FieldMismatch[] {
  const out: FieldMismatch[] = [];
  diffValues(expected, actual, path, out);
  return out;
}

/** The "Differing fields" lines of the mismatch an s3 assertion against one recorded call throws. */
async function differingFields(
  command: GetObjectCommand | DeleteObjectsCommand | PutObjectCommand,
  params: Record<string, unknown>,
): Promise<string[]> {
  const verifier = new StrictVerifier();
  const operation = command.constructor.name.replace(/Command$/, '');
  verifier.aws.mockCall('s3', operation);
  await verifier.run(() => new S3Client({}).send(command as GetObjectCommand));
  try {
    verifier.aws.assertAwsCall({ service: 's3', operation, params });
  } catch (error) {
    expect(error).toBeInstanceOf(InteractionMismatchError);
    const lines = (error as Error).message.split('\n');
    return lines.slice(
      lines.indexOf('Differing fields:') + 1,
      lines.indexOf('Unasserted timeline (next first):'),
    );
  }
  verifier.verifyAll();
  return [];
}

describe('params that differ only in what the assertion checks deeply', () => {
  test('dates compare by time', async () => {
    const sent = () =>
      new GetObjectCommand({ Bucket: 'b', Key: 'k', IfModifiedSince: new Date(Date.UTC(2024, 0, 2)) });
    expect(
      await differingFields(sent(), {
        Bucket: 'b',
        Key: 'k',
        IfModifiedSince: new Date(Date.UTC(2024, 0, 3)),
      }),
    ).toEqual([
      "  params.IfModifiedSince: expected new Date('2024-01-03T00:00:00.000Z'), actual new Date('2024-01-02T00:00:00.000Z')",
    ]);
    expect(
      await differingFields(sent(), {
        Bucket: 'b',
        Key: 'k',
        IfModifiedSince: new Date(Date.UTC(2024, 0, 2)),
      }),
    ).toEqual([]);
  });

  test('arrays of another length differ as a whole; same length, item by item', async () => {
    const sent = () =>
      new DeleteObjectsCommand({ Bucket: 'b', Delete: { Objects: [{ Key: 'a' }, { Key: 'b' }] } });
    expect(await differingFields(sent(), { Bucket: 'b', Delete: { Objects: [{ Key: 'a' }] } })).toEqual([
      "  params.Delete.Objects: expected [{ Key: 'a' }], actual [{ Key: 'a' }, { Key: 'b' }]",
    ]);
    expect(
      await differingFields(sent(), {
        Bucket: 'b',
        Delete: { Objects: [{ Key: 'a' }, { Key: 'b' }, { Key: 'c' }] },
      }),
    ).toEqual([
      "  params.Delete.Objects: expected [{ Key: 'a' }, { Key: 'b' }, { Key: 'c' }], actual [{ Key: 'a' }, { Key: 'b' }]",
    ]);
    expect(
      await differingFields(sent(), { Bucket: 'b', Delete: { Objects: [{ Key: 'c' }, { Key: 'b' }] } }),
    ).toEqual(["  params.Delete.Objects[0].Key: expected 'c', actual 'a'"]);
    expect(
      await differingFields(sent(), { Bucket: 'b', Delete: { Objects: [{ Key: 'a' }, { Key: 'b' }] } }),
    ).toEqual([]);
  });

  test('bytes compare by content, whatever their view', async () => {
    const sent = () => new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: new Uint8Array([1, 2, 3]) });
    expect(await differingFields(sent(), { Bucket: 'b', Key: 'k', Body: new Uint8Array([1, 2, 4]) })).toEqual(
      ['  params.Body: expected new Uint8Array([1, 2, 4]), actual new Uint8Array([1, 2, 3])'],
    );
    expect(await differingFields(sent(), { Bucket: 'b', Key: 'k', Body: Buffer.from([1, 2, 3]) })).toEqual(
      [],
    );
    // A view into the middle of a larger buffer: only its own bytes count.
    const window = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    expect(await differingFields(sent(), { Bucket: 'b', Key: 'k', Body: window })).toEqual([]);
  });
});

describe('diffValues', () => {
  test('an expected key that is undefined is absent: a value there is reported once, as extra', () => {
    expect(diff({ VersionId: undefined, Key: 'k' }, { VersionId: null, Key: 'k' })).toEqual([
      { path: 'VersionId', expected: ABSENT, actual: null },
    ]);
    expect(diff({ VersionId: undefined }, {})).toEqual([]);
  });

  test('bytes against anything else, or of another length, differ without throwing', () => {
    const bytes = new Uint8Array([97, 98]);
    expect(diff(bytes, 'ab', 'Body')).toEqual([{ path: 'Body', expected: bytes, actual: 'ab' }]);
    expect(diff('ab', bytes, 'Body')).toEqual([{ path: 'Body', expected: 'ab', actual: bytes }]);
    expect(diff(bytes, new Uint8Array([97]), 'Body')).toHaveLength(1);
    expect(diff(bytes, [97, 98], 'Body')).toHaveLength(1);
  });

  test('an array against a non-array differs as a whole', () => {
    expect(diff(['a'], { 0: 'a', length: 1 }, 'list')).toEqual([
      { path: 'list', expected: ['a'], actual: { 0: 'a', length: 1 } },
    ]);
    expect(diff({ 0: 'a' }, ['a'], 'list')).toHaveLength(1);
    expect(diff([], [], 'list')).toEqual([]);
  });

  test('object keys: paths from the root and nested, absent and extra keys named as such', () => {
    expect(diff({ a: 1, b: { c: 2 } }, { a: 2, b: { c: 3 } })).toEqual([
      { path: 'a', expected: 1, actual: 2 },
      { path: 'b.c', expected: 2, actual: 3 },
    ]);
    expect(diff({ a: 1 }, {}, 'params')).toEqual([{ path: 'params.a', expected: 1, actual: ABSENT }]);
    expect(diff({}, { a: 1 }, 'params')).toEqual([{ path: 'params.a', expected: ABSENT, actual: 1 }]);
    expect(diff({}, { a: 1 })).toEqual([{ path: 'a', expected: ABSENT, actual: 1 }]);
    expect(diff({ a: { b: 1 } }, { a: { c: 1 } })).toEqual([
      { path: 'a.b', expected: 1, actual: ABSENT },
      { path: 'a.c', expected: ABSENT, actual: 1 },
    ]);
  });

  test('a key whose value is undefined counts as absent on either side', () => {
    expect(diff({ a: undefined, b: 1 }, { b: 1 })).toEqual([]);
    expect(diff({ b: 1 }, { a: undefined, b: 1 })).toEqual([]);
    expect(diff({ a: undefined }, { a: undefined })).toEqual([]);
    expect(diff({}, { a: null })).toEqual([{ path: 'a', expected: ABSENT, actual: null }]);
    expect(diff({ a: null }, {})).toEqual([{ path: 'a', expected: null, actual: ABSENT }]);
  });

  test('a matcher for an absent key is asked, and shown against undefined when it refuses', () => {
    expect(diff({ a: ANY }, {})).toEqual([]);
    const anything = expect.anything();
    expect(diff({ a: anything }, {})).toEqual([{ path: 'a', expected: anything, actual: undefined }]);
    const text = expect.any(String);
    expect(diff(text, 'x', 'p')).toEqual([]);
    expect(diff(text, 1, 'p')).toEqual([{ path: 'p', expected: text, actual: 1 }]);
  });

  test('dates compare by time; a date against a non-date differs', () => {
    expect(diff(new Date(5), new Date(5), 'd')).toEqual([]);
    expect(diff(new Date(5), new Date(6), 'd')).toHaveLength(1);
    expect(diff(new Date(5), 5, 'd')).toHaveLength(1);
  });

  test('the same stream is itself; two streams never compare equal', () => {
    const stream = Readable.from(['a']);
    expect(diff(stream, stream, 'Body')).toEqual([]);
    expect(diff(stream, Readable.from(['a']), 'Body')).toHaveLength(1);
    expect(diff({}, Readable.from([]), 'Body')).toHaveLength(1);
  });

  test('other values compare by strict deep equality', () => {
    expect(diff(Number.NaN, Number.NaN, 'n')).toEqual([]);
    expect(diff(0, -0, 'n')).toEqual([{ path: 'n', expected: 0, actual: -0 }]);
    expect(diff(1, '1', 'n')).toHaveLength(1);
    expect(diff(new Map([['a', 1]]), new Map([['a', 1]]), 'm')).toEqual([]);
    expect(diff(new Map([['a', 1]]), new Map([['a', 2]]), 'm')).toHaveLength(1);
  });
});

describe('isOnlyWildcards', () => {
  test('a bare match-anything, or an object of nothing but them', () => {
    expect(isOnlyWildcards(tripwire.ANY)).toBe(true);
    expect(isOnlyWildcards(expect.anything())).toBe(true);
    expect(isOnlyWildcards({ Bucket: ANY, Key: expect.anything() })).toBe(true);
    expect(isOnlyWildcards({ Bucket: ANY, Key: undefined })).toBe(true);
  });

  test('anything with one real value, no keys, or explicit matchers is a real assertion', () => {
    expect(isOnlyWildcards({})).toBe(false);
    expect(isOnlyWildcards({ Key: undefined })).toBe(false);
    expect(isOnlyWildcards({ Bucket: ANY, Key: 'k' })).toBe(false);
    expect(isOnlyWildcards(expect.any(Object))).toBe(false);
    expect(isOnlyWildcards(expect.objectContaining({}))).toBe(false);
    expect(isOnlyWildcards({ Bucket: expect.any(String) })).toBe(false);
    expect(isOnlyWildcards('b')).toBe(false);
    expect(isOnlyWildcards([ANY])).toBe(false);
    // Values are asked whether they are matchers before being named: a string is never a wildcard.
    expect(isOnlyWildcards({ Key: 'Anything' })).toBe(false);
    expect(isOnlyWildcards({ Key: 'tripwire.ANY' })).toBe(false);
    expect(isOnlyWildcards({ Key: null })).toBe(false);
  });

  test("another copy's ANY counts by its name; a matcher named Anything only by what it says it is", () => {
    const otherCopysAny = { asymmetricMatch: () => true, toString: () => 'tripwire.ANY' };
    expect(isOnlyWildcards(otherCopysAny)).toBe(true);
    const named = { asymmetricMatch: () => true, toAsymmetricMatcher: () => 'Anything', toString: () => 'x' };
    expect(isOnlyWildcards(named)).toBe(true);
    const posing = {
      asymmetricMatch: () => true,
      toAsymmetricMatcher: () => 'Any<String>',
      toString: () => 'Anything',
    };
    expect(isOnlyWildcards(posing)).toBe(false);
    expect(isOnlyWildcards({ asymmetricMatch: () => true, toString: () => 'Something' })).toBe(false);
  });

  test('ANY matches everything, undefined included, and prints as its name', () => {
    for (const value of [undefined, null, 0, '', {}, []]) expect(ANY.asymmetricMatch(value)).toBe(true);
    expect(String(ANY)).toBe('tripwire.ANY');
    expect(JSON.stringify({ Key: ANY })).toBe('{"Key":"tripwire.ANY"}');
    expect(Object.isFrozen(ANY)).toBe(true);
  });
});
