import { describe, expect, test } from '@jest/globals';
import { parseJson, parseJsonDocument, textOf } from '../../src/util/json-text';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('JSON held in a string or in bytes', () => {
  test('strings and UTF-8 bytes (Uint8Array or Buffer) give their text; invalid UTF-8 and other values do not', () => {
    expect(textOf('é')).toBe('é');
    expect(textOf(bytes('é'))).toBe('é');
    expect(textOf(Buffer.from('é'))).toBe('é');
    expect(textOf(new Uint8Array([0xff, 0xfe]))).toBeUndefined();
    expect(textOf(42)).toBeUndefined();
  });

  test('parseJson accepts any JSON value, told apart from no JSON at all', () => {
    expect(parseJson('null')).toEqual({ value: null });
    expect(parseJson(bytes('[1]'))).toEqual({ value: [1] });
    expect(parseJson('{not json')).toBeUndefined();
    expect(parseJson({ a: 1 })).toBeUndefined();
  });

  test('parseJsonDocument only takes objects and arrays, after blanks and a UTF-8 byte order mark', () => {
    expect(parseJsonDocument(' \n{"a":1}')).toEqual({ value: { a: 1 } });
    expect(parseJsonDocument(Buffer.from('\uFEFF  [true]'))).toEqual({ value: [true] });
    expect(parseJsonDocument('"text"')).toBeUndefined();
    expect(parseJsonDocument('123')).toBeUndefined();
    expect(parseJsonDocument(bytes('123'))).toBeUndefined();
    expect(parseJsonDocument('{"a":')).toBeUndefined();
    expect(parseJsonDocument(new Uint8Array([0x7b, 0xff]))).toBeUndefined();
  });
});
