/**
 * Values written as source for recorded code: long strings and byte arrays in full wherever they sit (in
 * arrays, sets and maps too), the thresholds where they stop being written as messages write them, and an
 * object that does not fit its line written one member per line.
 */
import { describe, expect, test } from '@jest/globals';
import { LiteralValues, utf8Text } from '../../../../src/plugins/aws/recording/literal-values';

const format = (value: unknown, column?: number) => new LiteralValues().format(value, column);

describe('long strings and byte arrays are written whole', () => {
  const long = 'x'.repeat(1_001);

  test('in arrays, sets and maps as well as in objects', () => {
    expect(format([long])).toBe(`['${long}']`);
    expect(format(new Set([long]))).toBe(`new Set(['${long}'])`);
    expect(format(new Map([['k', long]]))).toBe(`new Map([['k', '${long}']])`);
  });

  test('a string of 1000 characters is written as messages write it, so its object does not fit one line', () => {
    const limit = 'y'.repeat(1_000);

    expect(format({ Body: limit })).toBe(`{\n  Body: '${limit}',\n}`);
  });

  test('bytes up to 64 are numbers; past that, text as text and other bytes as base64', () => {
    const numbers = Uint8Array.from({ length: 64 }, (_, index) => index);
    const binary = Uint8Array.from({ length: 65 }, (_, index) => index);
    const text = Buffer.from('a'.repeat(65));

    expect(format(numbers)).toBe(`new Uint8Array([${[...numbers].join(', ')}])`);
    expect(format(binary)).toBe(`Buffer.from('${Buffer.from(binary).toString('base64')}', 'base64')`);
    expect(format(text)).toBe(`Buffer.from('${'a'.repeat(65)}')`);
  });
});

describe('layout', () => {
  test('an object stays on its line up to 100 characters, counting the text before it', () => {
    const fits = { Key: 'k'.repeat(69) };
    const over = { Key: 'k'.repeat(70) };

    expect(format(fits, 20)).toBe(`{ Key: '${fits.Key}' }`);
    expect(format(over, 20)).toBe(`{\n  Key: '${over.Key}',\n}`);
  });

  test('one member per line leaves out undefined members and quotes keys that are not identifiers', () => {
    const value = { Kept: 'v'.repeat(100), Absent: undefined, 'x-amz-meta': 1 };

    expect(format(value)).toBe(`{\n  Kept: '${value.Kept}',\n  'x-amz-meta': 1,\n}`);
  });
});

describe('placeholders', () => {
  test("a recorded value that reads like a placeholder stays itself, beside another member's long literal", () => {
    const long = 'x'.repeat(1001);
    expect(new LiteralValues().format({ A: long, B: '__tripwire_literal_0__' })).toBe(
      `{\n  A: '${long}',\n  B: '__tripwire_literal_0__',\n}`,
    );
  });

  test('restore gives a placeholder of this instance that it did not hand out no text', () => {
    const literals = new LiteralValues();
    const held = literals.prepare('y'.repeat(1001)) as string;
    const unknown = held.replace(/0__$/, '1__');
    expect(literals.restore(`[ '${held}', '${unknown}' ]`)).toBe(`[ '${'y'.repeat(1001)}',  ]`);
  });
});

describe('utf8Text', () => {
  test('is the text of UTF-8 bytes, tabs and line breaks included', () => {
    expect(utf8Text(Buffer.from('é\tline\r\n'))).toBe('é\tline\r\n');
  });

  test('is undefined for bytes that are not UTF-8 or that hold control characters', () => {
    expect(utf8Text(new Uint8Array([0xff, 0x41]))).toBeUndefined();
    expect(utf8Text(Buffer.from('a\u0000b'))).toBeUndefined();
  });
});
