import { describe, expect, test } from '@jest/globals';
import { formatValue } from '../../src/util/format';
import { withJsonMatchers } from '../../src/util/json-in-hints';

const hint = (value: unknown) => formatValue(withJsonMatchers(value));
const order = JSON.stringify({ orderId: 'o-1', status: 'PAID', lines: [{ sku: 'a', qty: 2 }] });

describe('recorded JSON payloads print as tripwire.json(...) in hints', () => {
  test('a JSON object or array string over 30 characters, at any depth', () => {
    expect(hint({ MessageBody: order })).toBe(
      "{ MessageBody: tripwire.json({ orderId: 'o-1', status: 'PAID', lines: [{ sku: 'a', qty: 2 }] }) }",
    );
    expect(hint({ Entries: [{ Detail: '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]' }] })).toBe(
      '{ Entries: [{ Detail: tripwire.json([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]) }] }',
    );
  });

  test('short JSON strings, plain strings and JSON scalars stay strings', () => {
    expect(
      hint({
        a: '{"id":1}',
        b: 'not json, rather long',
        c: '"a quoted string of some length"',
      }),
    ).toBe(`{ a: '{"id":1}', b: 'not json, rather long', c: '"a quoted string of some length"' }`);
  });

  test('bytes holding JSON, whatever their length; other bytes as before', () => {
    expect(hint({ Payload: new TextEncoder().encode('{"ok":true}') })).toBe(
      '{ Payload: tripwire.json({ ok: true }) }',
    );
    expect(hint({ Payload: new Uint8Array([1, 2]) })).toBe('{ Payload: new Uint8Array([1, 2]) }');
  });

  test('JSON inside JSON becomes a json() inside a json()', () => {
    const envelope = JSON.stringify({ Type: 'Notification', Message: order });
    expect(hint({ Message: envelope })).toBe(
      [
        '{',
        '  Message: tripwire.json({',
        "    Type: 'Notification',",
        "    Message: tripwire.json({ orderId: 'o-1', status: 'PAID', lines: [{ sku: 'a', qty: 2 }] }),",
        '  }),',
        '}',
      ].join('\n'),
    );
  });

  test('keys that need it are quoted, __proto__ stays an own key, -0 stays -0', () => {
    const text = '{"__proto__":{"x":1},"a b":-0,"padding":"................"}';
    expect(hint({ Body: text })).toBe(
      "{ Body: tripwire.json({ ['__proto__']: { x: 1 }, 'a b': -0, padding: '................' }) }",
    );
  });

  test('documents over 4000 characters keep their short form; cycles and other values are left alone', () => {
    const huge = JSON.stringify({ data: 'x'.repeat(4_000) });
    expect(hint({ Body: huge })).toMatch(
      /^\{\n {2}Body: tripwire\.ANY \/\* '\{"data":"xxx.*'… \(4011 characters\) \*\/,\n\}$/,
    );
    const cyclic: Record<string, unknown> = { Body: order };
    cyclic.self = cyclic;
    expect(hint(cyclic)).toContain('self: tripwire.ANY /* [Circular] */');
    const date = new Date(0);
    expect(withJsonMatchers(date)).toBe(date);
  });
});
