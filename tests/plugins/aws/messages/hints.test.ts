import { describe, expect, test } from '@jest/globals';
import { assertHint, stringFormCode, typedFormCode } from '../../../../src/plugins/aws/messages/hints';

describe('the code that messages hand the user', () => {
  test('an assertion to paste names what the call raised: an Error by name, a code as written', () => {
    const hint = (raised: unknown) => assertHint('tripwire', 's3', 'GetObject', { Key: 'k' }, raised);
    expect(hint(undefined)).toBe(
      "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Key: 'k' } });",
    );
    expect(hint(new RangeError('x'))).toBe(
      "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Key: 'k' }, raised: 'RangeError' });",
    );
    expect(hint('NoSuchKey')).toContain("raised: 'NoSuchKey' }");
    expect(hint(404)).toContain("raised: '404' }");
  });

  test('the typed form: returns for mockCall, params for assertAwsCall', () => {
    expect(typedFormCode('verifier', 'mockCall', 'GetObject')).toBe(
      'verifier.aws.mockCall(GetObjectCommand, { returns: { /* ... */ } })',
    );
    expect(typedFormCode('verifier', 'assertAwsCall', 'GetObject')).toBe(
      'verifier.aws.assertAwsCall(GetObjectCommand, { params: { /* ... */ } })',
    );
  });

  test('the string form, in full and short', () => {
    expect(stringFormCode('tripwire', 'mockCall', false)).toBe(
      "tripwire.aws.mockCall('s3', 'GetObject', { returns: { /* ... */ } })",
    );
    expect(stringFormCode('tripwire', 'mockCall', true)).toBe(
      "tripwire.aws.mockCall('s3', 'GetObject', { ... })",
    );
    expect(stringFormCode('tripwire', 'assertAwsCall', true)).toBe(
      "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { ... } })",
    );
  });
});
