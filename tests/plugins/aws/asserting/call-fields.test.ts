import { describe, expect, test } from '@jest/globals';
import { callKey, sameName } from '../../../../src/plugins/aws/asserting/call-fields';

const call = (serviceKey: string, operation: string, params: unknown) => ({
  service: serviceKey.toUpperCase(),
  serviceKey,
  operation,
  params,
});

describe('callKey: one key for a recorded call and the assertion that matches it', () => {
  test('names the service, the operation and the canonical params, whatever the order of keys', () => {
    const key = callKey(call('s3', 'GetObject', { Bucket: 'b', Key: 'k' }));
    expect(key).toBe(callKey(call('s3', 'GetObject', { Key: 'k', Bucket: 'b' })));
    expect(key).toMatch(/^s3:GetObject:./);
  });

  test('differs when the service, the operation or the params differ', () => {
    const keys = [
      callKey(call('s3', 'GetObject', { Bucket: 'b' })),
      callKey(call('sqs', 'GetObject', { Bucket: 'b' })),
      callKey(call('s3', 'HeadObject', { Bucket: 'b' })),
      callKey(call('s3', 'GetObject', { Bucket: 'c' })),
    ];
    expect(new Set(keys).size).toBe(4);
  });

  test('is undefined when the params have no key (a matcher), so the caller compares in full', () => {
    expect(callKey(call('s3', 'GetObject', { Bucket: expect.any(String) }))).toBeUndefined();
  });
});

describe('sameName: whether a recorded call is the one an assertion names, params aside', () => {
  test('needs both the service and the operation', () => {
    const recorded = call('s3', 'GetObject', {});
    expect(sameName(recorded, call('s3', 'GetObject', { other: 1 }))).toBe(true);
    expect(sameName(recorded, call('sqs', 'GetObject', {}))).toBe(false);
    expect(sameName(recorded, call('s3', 'PutObject', {}))).toBe(false);
  });

  test("'GetObjectCommand' in an assertion names GetObject, and nothing else", () => {
    const recorded = call('s3', 'GetObject', {});
    expect(sameName(recorded, call('s3', 'GetObjectCommand', {}))).toBe(true);
    expect(sameName(recorded, call('s3', 'PutObjectCommand', {}))).toBe(false);
    expect(sameName(recorded, call('s3', 'Command', {}))).toBe(false);
    expect(sameName(recorded, call('sqs', 'GetObjectCommand', {}))).toBe(false);
  });
});
