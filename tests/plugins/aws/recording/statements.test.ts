/**
 * The statements of recorded code: `mockCall` and `assertAwsCall` in the string and the typed form, on one
 * line while the line up to the value's end fits 100 characters, else one member per line, and overlapping
 * assertions in one `inAnyOrder` block.
 */
import { describe, expect, test } from '@jest/globals';
import { LiteralValues } from '../../../../src/plugins/aws/recording/literal-values';
import {
  anyOrderStatement,
  assertStatement,
  mockStatement,
  type TypedName,
} from '../../../../src/plugins/aws/recording/statements';

const name = { key: 's3:GetObject', serviceKey: 's3', service: 's3', operation: 'GetObject' };
const typed: TypedName = { className: 'GetObjectCommand', from: '@aws-sdk/client-s3' };

describe('mockStatement', () => {
  const mock = (body: string) =>
    mockStatement('t', name, { returns: { Body: body } }, undefined, new LiteralValues());

  test('stays on one line while the text up to the end of the spec is 100 characters', () => {
    const fits = 'b'.repeat(41);
    const over = 'b'.repeat(42);

    expect(mock(fits)).toBe(`t.aws.mockCall('s3', 'GetObject', { returns: { Body: '${fits}' } });`);
    expect(mock(over)).toBe(`t.aws.mockCall('s3', 'GetObject', {\n  returns: { Body: '${over}' },\n});`);
  });

  test('the typed form names the command class', () => {
    expect(mockStatement('t', name, { raises: 'NoSuchKey' }, typed, new LiteralValues())).toBe(
      "t.aws.mockCall(GetObjectCommand, { raises: 'NoSuchKey' });",
    );
  });
});

describe('assertStatement', () => {
  const assert = (key: string, form: TypedName | undefined, raised?: string) =>
    assertStatement('t', name, { Key: key }, raised, form, new LiteralValues());

  test('the string form stays on one line while the text up to the end of the fields is 100 characters', () => {
    const fits = 'k'.repeat(18);
    const over = 'k'.repeat(19);

    expect(assert(fits, undefined)).toBe(
      `t.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Key: '${fits}' } });`,
    );
    expect(assert(over, undefined)).toBe(
      `t.aws.assertAwsCall({\n  service: 's3',\n  operation: 'GetObject',\n  params: { Key: '${over}' },\n});`,
    );
  });

  test('the typed form names the command class before the fields, raised included when the call failed', () => {
    const fits = 'k'.repeat(18);
    const over = 'k'.repeat(19);

    expect(assert(fits, typed, 'NoSuchKey')).toBe(
      `t.aws.assertAwsCall(GetObjectCommand, { params: { Key: '${fits}' }, raised: 'NoSuchKey' });`,
    );
    expect(assert(over, typed, 'NoSuchKey')).toBe(
      `t.aws.assertAwsCall(GetObjectCommand, {\n  params: { Key: '${over}' },\n  raised: 'NoSuchKey',\n});`,
    );
  });

  test('absent params are asserted as empty', () => {
    expect(assertStatement('t', name, undefined, undefined, typed, new LiteralValues())).toBe(
      't.aws.assertAwsCall(GetObjectCommand, { params: {} });',
    );
  });
});

describe('anyOrderStatement', () => {
  test('one assertion as it is; several in one inAnyOrder block', () => {
    expect(anyOrderStatement('t', ['a();'])).toBe('a();');
    expect(anyOrderStatement('t', ['a();', 'b();'])).toBe('t.inAnyOrder(() => {\n  a();\n  b();\n});');
  });
});
