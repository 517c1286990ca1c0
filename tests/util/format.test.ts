import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { firstUserFrame } from '../../src/util/call-site';
import { formatValue } from '../../src/util/format';
import { copyData } from '../../src/util/values';

describe('formatValue writes values as TypeScript that evaluates back to them', () => {
  test.each<[string, unknown, string]>([
    ['strings, single-quoted and escaped', "it's\na\\b", "'it\\'s\\na\\\\b'"],
    ['numbers, booleans, null, bigint', [1.5, true, null, 10n], '[1.5, true, null, 10n]'],
    ['identifier and quoted keys', { Bucket: 'b', 'x-amz-meta': '1' }, "{ Bucket: 'b', 'x-amz-meta': '1' }"],
    ['undefined keys left out', { a: 1, b: undefined }, '{ a: 1 }'],
    ['dates', new Date(0), "new Date('1970-01-01T00:00:00.000Z')"],
    ['text bytes', Buffer.from('a,b'), "Buffer.from('a,b')"],
    ['binary bytes', new Uint8Array([0, 255]), 'new Uint8Array([0, 255])'],
    ['large bytes', new Uint8Array(100), 'tripwire.ANY /* <Uint8Array 100 bytes> */'],
    ['streams', Readable.from(['x']), 'tripwire.ANY /* <Readable> */'],
    ['sets', new Set(['x']), "new Set(['x'])"],
    ['maps', new Map([['k', 1]]), "new Map([['k', 1]])"],
    ['class instances', new (class Token {})(), '/* Token */ {}'],
    ['symbols', Symbol('id'), "Symbol('id')"],
    ['a symbol without a description', Symbol(), 'Symbol()'],
    ['bigints', 10n, '10n'],
    ['boxed booleans', new Boolean(true), 'new Boolean(true)'],
    ['boxed strings', new String('x'), "new String('x')"],
    ['boxed numbers', new Number(5), 'new Number(5)'],
    ['boxed bigints', Object(2n), 'Object(2n)'],
    ['functions', function named() {}, '[function named]'],
    ['classes', class Widget {}, '[class Widget]'],
    ['an Error from another realm', runInNewContext('new TypeError("x")'), "TypeError('x')"],
    ['a Proxy', new Proxy({}, {}), '<Proxy>'],
    ['regular expressions', /a+b/g, '/a+b/g'],
    ['tripwire.ANY', tripwire.ANY, 'tripwire.ANY'],
    ['expect.any', expect.any(String), 'expect.any(String)'],
    ['expect.anything', expect.anything(), 'expect.anything()'],
    ['expect.objectContaining', expect.objectContaining({ a: 1 }), 'expect.objectContaining({ a: 1 })'],
    ['expect.not.arrayContaining', expect.not.arrayContaining(['x']), "expect.not.arrayContaining(['x'])"],
    ['expect.stringMatching', expect.stringMatching(/^a.b$/), 'expect.stringMatching(/^a.b$/)'],
  ])('%s', (_, value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  test('a circular value is written once, its reference back as a paste-able wildcard', () => {
    const node: Record<string, unknown> = { id: 1 };
    node.self = node;
    node.list = [node];
    expect(formatValue(node)).toBe(
      '{ id: 1, self: tripwire.ANY /* [Circular] */, list: [tripwire.ANY /* [Circular] */] }',
    );
  });

  test('a value met twice but not inside itself is written twice', () => {
    const shared = { a: 1 };
    expect(formatValue({ left: shared, right: shared })).toBe('{ left: { a: 1 }, right: { a: 1 } }');
  });

  test('a getter or a Proxy that throws is described, not rethrown', () => {
    const getter = Object.defineProperty({}, 'Key', {
      enumerable: true,
      get() {
        throw new RangeError('no key');
      },
    });
    expect(formatValue({ Bucket: 'b', params: getter })).toBe(
      "{ Bucket: 'b', params: <unreadable: RangeError: no key> }",
    );
  });

  test('values copied by copyData show what could not be copied', () => {
    const cyclic: Record<string, unknown> = { Bucket: 'b' };
    cyclic.again = cyclic;
    expect(formatValue(copyData(cyclic))).toBe("{ Bucket: 'b', again: tripwire.ANY /* [Circular] */ }");
  });

  test('long values break over lines, each nested value on one line where it fits in 100 columns', () => {
    const value = {
      Bucket: 'bucket-name',
      Key: 'a/fairly/long/key/name.csv',
      Metadata: { owner: 'someone', team: 'data' },
    };
    expect(formatValue({ service: 's3', operation: 'PutObject', params: value })).toBe(
      [
        '{',
        "  service: 's3',",
        "  operation: 'PutObject',",
        '  params: {',
        "    Bucket: 'bucket-name',",
        "    Key: 'a/fairly/long/key/name.csv',",
        "    Metadata: { owner: 'someone', team: 'data' },",
        '  },',
        '}',
      ].join('\n'),
    );
  });
});

describe('firstUserFrame', () => {
  test('skips ts-tripwire’s own frames, built or mapped back to its sources', () => {
    const root = resolve(__dirname, '../..');
    const stack = [
      'Error',
      `    at new CallSite (${root}/dist/core.js:17:15)`,
      `    at AwsPlugin.mockCall (${root}/src/plugins/aws/aws-plugin.ts:101:27)`,
      '    at node:internal/process/task_queues:95:5',
      `    at Object.<anonymous> (${root}/tests/app.test.ts:12:18)`,
    ].join('\n');
    expect(firstUserFrame(stack)).toBe('tests/app.test.ts:12:18');
  });
});

describe('payload values in messages', () => {
  test('bytes holding printable UTF-8 text read as text up to 1000 bytes; other bytes as before', () => {
    const text = `{"orderId":"o-1","note":"${'x'.repeat(80)}"}`;
    expect(formatValue(new TextEncoder().encode(text))).toBe(`Buffer.from('${text}')`);
    expect(formatValue(Buffer.from('é'.repeat(600)))).toBe('tripwire.ANY /* <Buffer 1200 bytes> */');
    expect(formatValue(new Uint8Array(65).fill(1))).toBe('tripwire.ANY /* <Uint8Array 65 bytes> */');
  });

  test('-0 prints as -0, and a __proto__ key as the computed key that keeps it an own key', () => {
    expect(formatValue(-0)).toBe('-0');
    expect(formatValue(JSON.parse('{"__proto__":1}'))).toBe("{ ['__proto__']: 1 }");
  });
});
