import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { firstUserFrame } from '../../src/verifier/call-site';
import { formatValue } from '../../src/verifier/format';

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
    ['sets and class instances', new Set(['x']), '/* Set */ {}'],
    ['tripwire.ANY', tripwire.ANY, 'tripwire.ANY'],
    ['expect.any', expect.any(String), 'expect.any(String)'],
    ['expect.anything', expect.anything(), 'expect.anything()'],
    ['expect.objectContaining', expect.objectContaining({ a: 1 }), 'expect.objectContaining({ a: 1 })'],
    ['expect.not.arrayContaining', expect.not.arrayContaining(['x']), "expect.not.arrayContaining(['x'])"],
    ['expect.stringMatching', expect.stringMatching(/^a.b$/), 'expect.stringMatching(/^a.b$/)'],
  ])('%s', (_, value, text) => {
    expect(formatValue(value)).toBe(text);
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
      `    at new CallSite (${root}/dist/verifier/call-site.js:17:15)`,
      `    at AwsPlugin.mockCall (${root}/src/plugins/aws/aws-plugin.ts:101:27)`,
      '    at node:internal/process/task_queues:95:5',
      `    at Object.<anonymous> (${root}/tests/app.test.ts:12:18)`,
    ].join('\n');
    expect(firstUserFrame(stack)).toBe('tests/app.test.ts:12:18');
  });
});
