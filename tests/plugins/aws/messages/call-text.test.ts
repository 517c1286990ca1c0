import { NoSuchKey } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import {
  describeRaised,
  formatCall,
  formatExpectedCall,
  formatRecordedCall,
} from '../../../../src/plugins/aws/messages/call-text';

describe('how calls read in messages', () => {
  test('a call: service.Operation(params), with {} for no params', () => {
    expect(formatCall('s3', 'GetObject', { Bucket: 'b', Key: 'k' })).toBe(
      "s3.GetObject({ Bucket: 'b', Key: 'k' })",
    );
    expect(formatCall('s3', 'ListBuckets', undefined)).toBe('s3.ListBuckets({})');
  });

  test('a recorded call adds what it raised, by name, and the message when it says more', () => {
    expect(formatRecordedCall('s3', 'GetObject', {}, undefined)).toBe('s3.GetObject({})');
    expect(formatRecordedCall('s3', 'GetObject', {}, new NoSuchKey({ message: 'gone', $metadata: {} }))).toBe(
      's3.GetObject({}) raised NoSuchKey: gone',
    );
    expect(
      formatRecordedCall('s3', 'GetObject', {}, new NoSuchKey({ message: 'NoSuchKey', $metadata: {} })),
    ).toBe('s3.GetObject({}) raised NoSuchKey');
  });

  test('describeRaised: an Error by name (and message), anything else as a value', () => {
    expect(describeRaised(new TypeError(''))).toBe('TypeError');
    expect(describeRaised(new TypeError('bad'))).toBe('TypeError: bad');
    expect(describeRaised('SlowDown')).toBe("'SlowDown'");
    expect(describeRaised(42)).toBe('42');
  });

  test('an expected call names its raised only when the assertion has one', () => {
    const call = { service: 's3', operation: 'GetObject', params: { Key: 'k' } };
    expect(formatExpectedCall(call)).toBe("s3.GetObject({ Key: 'k' })");
    expect(formatExpectedCall({ ...call, raised: 'NoSuchKey' })).toBe(
      "s3.GetObject({ Key: 'k' }) raised 'NoSuchKey'",
    );
    expect(formatExpectedCall({ ...call, raised: undefined })).toBe(
      "s3.GetObject({ Key: 'k' }) raised undefined",
    );
  });
});
