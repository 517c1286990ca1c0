import { describe, expect, test } from '@jest/globals';
import { excerptText, firstDifference, stringDifference } from '../../src/util/string-diff';

describe('firstDifference', () => {
  test.each([
    ['equal strings', 'abc', 'abc', -1],
    ['a change at the start', 'abc', 'xbc', 0],
    ['a change in the middle', 'abcdef', 'abcXef', 3],
    ['one string a prefix of the other', 'abc', 'abcdef', 3],
    ['the empty string', '', 'a', 0],
    // The pair 😀/😁 differs only in its second half: the difference starts where the character does.
    ['a surrogate pair whose low half differs', 'x\u{1F600}', 'x\u{1F601}', 1],
  ])('%s', (_, a, b, offset) => {
    expect(firstDifference(a, b)).toBe(offset);
    expect(firstDifference(b, a)).toBe(offset);
  });
});

describe('excerpts around the first difference', () => {
  const expected = `{"customer":"c-1","orderId":"o-1234","lines":[${'1,'.repeat(30)}2]}`;
  const actual = expected.replace('o-1234', 'o-1235');

  test('each side shows the common context, a marker at the offset, and its own rest', () => {
    const difference = stringDifference(expected, actual, 10);
    expect(difference.offset).toBe(expected.indexOf('4"'));
    expect(excerptText(expected, difference.expected, difference.offset)).toBe(
      `…'Id":"o-123' ▸ '4","lines"'…`,
    );
    expect(excerptText(actual, difference.actual, difference.offset)).toBe(`…'Id":"o-123' ▸ '5","lines"'…`);
  });

  test('no ellipsis where a string starts or ends inside the window', () => {
    const difference = stringDifference('abc', 'abd', 10);
    expect(excerptText('abc', difference.expected, difference.offset)).toBe(`'ab' ▸ 'c'`);
  });

  test('a string that ends at the difference says <end>; a difference at index 0 has no context before', () => {
    const ended = stringDifference('abc', 'abcdef', 10);
    expect(excerptText('abc', ended.expected, ended.offset)).toBe(`'abc' ▸ <end>`);
    expect(excerptText('abcdef', ended.actual, ended.offset)).toBe(`'abc' ▸ 'def'`);
    const first = stringDifference('xyz', 'abc', 10);
    expect(excerptText('xyz', first.expected, first.offset)).toBe(`▸ 'xyz'`);
  });

  test('quotes and line breaks inside the excerpt are escaped as in a literal', () => {
    const difference = stringDifference("it's\nA", "it's\nB", 10);
    expect(excerptText("it's\nA", difference.expected, difference.offset)).toBe(`'it\\'s\\n' ▸ 'A'`);
  });

  test('a window never cuts a surrogate pair in half', () => {
    const emoji = '\u{1F600}';
    const text = `${emoji}abcdefgh`;
    const difference = stringDifference(text, `${emoji}abcdefgX`, 8);
    expect(difference.expected.start).toBe(0);
    const tail = `abcdefg${emoji}`;
    expect(stringDifference(tail, 'aXcdefg', 7).expected.end).toBe(tail.length);
  });
});
