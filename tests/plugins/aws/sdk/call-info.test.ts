// Runs on both SDK lines (library and sdk-3.600).
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { callInfo } from '../../../../src/plugins/aws/sdk/call-info';
import { configMessage } from '../../../support/config-error';

describe('the per-class call info', () => {
  test('is worked out once per command class and service, however calls interleave', () => {
    const s3 = new S3Client({});
    const first = callInfo(s3, new GetObjectCommand({ Bucket: 'b', Key: '1' }), undefined);
    const other = callInfo(s3, new PutObjectCommand({ Bucket: 'b', Key: '2' }), undefined);
    expect(first.name).toEqual({
      key: 's3:GetObject',
      serviceKey: 's3',
      service: 's3',
      operation: 'GetObject',
    });
    expect(other.name.key).toBe('s3:PutObject');
    // The same object, with whatever model it has read since.
    expect(callInfo(s3, new GetObjectCommand({ Bucket: 'b', Key: '3' }), undefined)).toBe(first);
    expect(callInfo(new S3Client({}), new PutObjectCommand({ Bucket: 'b', Key: '4' }), undefined)).toBe(
      other,
    );
  });

  test("a client without a serviceId: the service is the one the command's client name gives", () => {
    const s3 = new S3Client({});
    Object.defineProperty(s3.config, 'serviceId', { value: undefined });
    class FromAnotherClient extends GetObjectCommand {}
    expect(callInfo(s3, new FromAnotherClient({ Bucket: 'b', Key: 'k' }), undefined).name).toEqual({
      key: 's3:GetObject',
      serviceKey: 's3',
      service: 's3',
      operation: 'GetObject',
    });
  });

  test('a client without a serviceId, and a command that cannot say its client: unknown', () => {
    const s3 = new S3Client({});
    Object.defineProperty(s3.config, 'serviceId', { value: undefined });
    // Named after its class on an SDK line without schemas (see naming-internals.test.ts).
    class GetObjectCommand2 extends GetObjectCommand {
      override resolveMiddleware(): never {
        throw new TypeError('resolveMiddleware needs a real stack');
      }
    }
    expect(callInfo(s3, new GetObjectCommand2({ Bucket: 'b', Key: 'k' }), undefined).name).toEqual({
      key: 'unknown:GetObject',
      serviceKey: 'unknown',
      service: 'unknown',
      operation: 'GetObject',
    });
  });
});

describe('something that is not a command', () => {
  const refusal = (client: object, command: unknown): string =>
    configMessage(() => callInfo(client, command, undefined));

  test('is refused, naming the client class', () => {
    expect(refusal(new S3Client({}), 42)).toBe(
      "S3Client.send() was given number 42, not an AWS SDK v3 command: send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).",
    );
  });

  test('sent through a client with no class to name is refused as sent through "client"', () => {
    // A client-like object with no prototype: there is no class name to read, and reading one must not throw.
    const bare = Object.create(null) as object;
    expect(refusal(bare, 42)).toBe(
      "client.send() was given number 42, not an AWS SDK v3 command: send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).",
    );
  });
});
