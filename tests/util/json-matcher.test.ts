import { describe, expect, test } from '@jest/globals';
import { json, TripwireConfigError, tripwire } from 'ts-tripwire';
import { formatValue } from '../../src/util/format';
import { diffValues, type FieldMismatch } from '../../src/util/matching';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('json(expected) matches JSON text by its parsed value', () => {
  test('exact: key order and whitespace aside, no missing or extra keys', () => {
    const matcher = json({ id: 1, tags: ['a', 'b'] });
    expect(matcher.asymmetricMatch('{ "tags": ["a", "b"], "id": 1 }')).toBe(true);
    expect(matcher.asymmetricMatch('{"id":1,"tags":["a","b"],"extra":true}')).toBe(false);
    expect(matcher.asymmetricMatch('{"id":1}')).toBe(false);
    expect(matcher.asymmetricMatch('{"id":1,"tags":["b","a"]}')).toBe(false);
  });

  test('bytes (Uint8Array, Buffer) that decode as UTF-8 JSON; never anything else', () => {
    const matcher = json({ ok: true });
    expect(matcher.asymmetricMatch(bytes('{"ok":true}'))).toBe(true);
    expect(matcher.asymmetricMatch(Buffer.from('{"ok":true}'))).toBe(true);
    expect(matcher.asymmetricMatch({ ok: true })).toBe(false);
    expect(matcher.asymmetricMatch('{ok:true}')).toBe(false);
    expect(matcher.asymmetricMatch(new Uint8Array([0xff]))).toBe(false);
    expect(matcher.asymmetricMatch(undefined)).toBe(false);
  });

  test('scalars and null are JSON too', () => {
    expect(json('done').asymmetricMatch('"done"')).toBe(true);
    expect(json(null).asymmetricMatch('null')).toBe(true);
    expect(json(0).asymmetricMatch('0')).toBe(true);
    expect(json(0).asymmetricMatch('false')).toBe(false);
  });

  test('one matcher for the whole value, or matchers at any depth inside it', () => {
    expect(json(expect.objectContaining({ id: 1 })).asymmetricMatch('{"id":1,"more":2}')).toBe(true);
    expect(json(expect.objectContaining({ id: 2 })).asymmetricMatch('{"id":1}')).toBe(false);
    expect(json({ id: expect.any(Number), at: tripwire.ANY }).asymmetricMatch('{"id":7,"at":"x"}')).toBe(
      true,
    );
    expect(json({ items: expect.arrayContaining([2]) }).asymmetricMatch('{"items":[1,2,3]}')).toBe(true);
    // JSON inside JSON: an envelope whose Message is itself JSON text.
    const envelope = JSON.stringify({ Message: JSON.stringify({ id: 1 }) });
    expect(json({ Message: json({ id: 1 }) }).asymmetricMatch(envelope)).toBe(true);
  });

  test('an undefined key means absent, as in params', () => {
    expect(json({ id: 1, note: undefined }).asymmetricMatch('{"id":1}')).toBe(true);
  });

  test('tripwire.json is the same function, usable without a verifier', () => {
    expect(tripwire.json).toBe(json);
    const { json: detached } = tripwire;
    expect(detached({ a: 1 }).asymmetricMatch('{"a":1}')).toBe(true);
  });
});

describe('how it prints', () => {
  test('as the call that makes it, one line or indented like any value', () => {
    expect(formatValue(json({ id: 1 }))).toBe('tripwire.json({ id: 1 })');
    expect(String(json([1, 'a']))).toBe("tripwire.json([1, 'a'])");
    expect(JSON.stringify({ Body: json({ id: 1 }) })).toBe('{"Body":"tripwire.json({ id: 1 })"}');
    expect(formatValue(json(expect.objectContaining({ id: 1 })))).toBe(
      'tripwire.json(expect.objectContaining({ id: 1 }))',
    );
    const long = { Body: json({ first: 'a'.repeat(40), second: 'b'.repeat(40) }) };
    expect(formatValue(long)).toBe(
      [
        '{',
        '  Body: tripwire.json({',
        `    first: '${'a'.repeat(40)}',`,
        `    second: '${'b'.repeat(40)}',`,
        '  }),',
        '}',
      ].join('\n'),
    );
  });

  test('a failed json() lists the differing paths of the parsed value', () => {
    const out: FieldMismatch[] = [];
    diffValues({ Body: json({ id: 1, tag: 'a' }) }, { Body: '{"id":2}' }, 'params', out);
    expect(out.map((m) => [m.path, formatValue(m.expected), formatValue(m.actual)])).toEqual([
      ['params.Body (JSON) .id', '1', '2'],
      ['params.Body (JSON) .tag', "'a'", '<absent>'],
    ]);
  });

  test('a failed json(matcher) shows the parsed value beside it; text that is not JSON is said so', () => {
    const out: FieldMismatch[] = [];
    diffValues(json(expect.objectContaining({ id: 2 })), '{"id":1}', 'params.Body', out);
    diffValues(json({ id: 1 }), 'id=1', 'params.Body', out);
    expect(
      out.map((m) => `${m.path}: expected ${formatValue(m.expected)}, actual ${formatValue(m.actual)}`),
    ).toEqual([
      'params.Body (JSON): expected expect.objectContaining({ id: 2 }), actual { id: 1 }',
      "params.Body (not JSON): expected tripwire.json({ id: 1 }), actual 'id=1'",
    ]);
  });
});

describe('bad input', () => {
  test.each([
    ['nothing', undefined, 'undefined is not JSON'],
    ['a function', () => 1, 'a function is not JSON'],
    ['a bigint', 1n, 'a bigint is not JSON'],
    ['NaN', Number.NaN, 'NaN is not a JSON number'],
    [
      'a Date inside',
      { at: new Date(0) },
      "a Date at .at is not JSON: give the string it is sent as ('1970-01-01T00:00:00.000Z')",
    ],
    ['a Map', new Map(), 'Map is not JSON: give the value its JSON text parses to'],
    ['bytes inside an array', { list: [new Uint8Array(1)] }, 'Uint8Array at .list[0] is not JSON'],
    ['undefined in an array', [undefined], 'undefined at [0] is not JSON'],
  ])('%s: a TripwireConfigError naming what and where', (_, value, problem) => {
    expect(() => json(value)).toThrow(TripwireConfigError);
    expect(() => json(value)).toThrow(problem);
    expect(() => json(value)).toThrow('For example: tripwire.json({ id: 1, tags: [');
  });

  test('the whole message, as docs/errors.md shows it', () => {
    expect(() => json({ at: new Date(0) })).toThrow(
      "tripwire.json() takes the value the JSON text should parse to (plain objects, arrays, strings, finite numbers, booleans, null, matchers at any depth), or one matcher for all of it: a Date at .at is not JSON: give the string it is sent as ('1970-01-01T00:00:00.000Z'). For example: tripwire.json({ id: 1, tags: ['a'] }) or tripwire.json(expect.objectContaining({ id: 1 })).",
    );
  });

  test('a cycle and a throwing getter are refused, not followed', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => json(cyclic)).toThrow('a cycle at .self is not JSON');
    const throwing = {
      get id(): number {
        throw new Error('boom');
      },
    };
    expect(() => json(throwing)).toThrow('reading it threw Error: boom. Give plain data');
  });
});
