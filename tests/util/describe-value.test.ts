import { runInNewContext } from 'node:vm';
import { describe, expect, test } from '@jest/globals';
import { describeValue } from '../../src/util/describe-value';

class Token {}

describe('describeValue names a value faithfully in a message', () => {
  test.each<[string, unknown, string]>([
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a string', 'x', "the string 'x'"],
    ['a huge string, cut', 'y'.repeat(1_000_000), `the string '${'y'.repeat(80)}… (1000000 characters)'`],
    ['a number', 5, 'number 5'],
    ['NaN', Number.NaN, 'number NaN'],
    ['a boolean', true, 'boolean true'],
    ['a bigint', 1n, 'the bigint 1n'],
    ['a symbol', Symbol('id'), "the symbol Symbol('id')"],
    ['a symbol without description', Symbol(), 'the symbol Symbol()'],
    ['a boxed boolean', new Boolean(true), 'a boxed primitive, new Boolean(true)'],
    ['a boxed string', new String('s'), "a boxed primitive, new String('s')"],
    ['a boxed number', new Number(3), 'a boxed primitive, new Number(3)'],
    ['a function', function load() {}, 'the function load'],
    ['an anonymous function', () => undefined, 'an anonymous function'],
    ['a class', Token, 'the class Token'],
    ['a class instance', new Token(), 'an instance of Token'],
    ['a plain object', {}, 'an object'],
    ['an object without prototype', Object.create(null), 'an object'],
    ['an array', [1], 'an array'],
    ['an Error', new RangeError('x'), 'a RangeError'],
    ['an Error from another realm', runInNewContext('new Error("x")'), 'an Error'],
    ['a Proxy', new Proxy({}, {}), 'a Proxy'],
  ])('%s', (_, value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  test('runs no user code that could throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(describeValue(hostile)).toBe('a Proxy');
    const lying = Object.defineProperty(new Token(), 'constructor', {
      get() {
        throw new Error('getter');
      },
    });
    expect(describeValue(lying)).toBe('an instance of Token');
  });
});
