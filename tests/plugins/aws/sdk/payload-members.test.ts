/**
 * Which output members the SDK returns as a stream, its blob adapter or plain bytes (payload-members.ts): from
 * real commands (their operation schemas on the latest line, the members known without a schema on 3.600, so
 * both lines give the same answers), from a registration by name, and from the trait forms the schema format
 * allows but the installed clients do not use (written out in that format).
 */
import { InvokeCommand, paginateListFunctions } from '@aws-sdk/client-lambda';
import { GetObjectCommand, SelectObjectContentCommand } from '@aws-sdk/client-s3';
import { paginateListQueues, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import { payloadMembers, payloadMembersByName } from '../../../../src/plugins/aws/sdk/payload-members';

describe('payloadMembers of real commands', () => {
  test('S3 GetObject Body is a stream, Lambda Invoke Payload the blob adapter', () => {
    expect(payloadMembers(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), 's3:GetObject')).toEqual([
      { name: 'Body', kind: 'stream' },
    ]);
    expect(payloadMembers(new InvokeCommand({ FunctionName: 'f' }), 'lambda:Invoke')).toEqual([
      { name: 'Payload', kind: 'blob' },
    ]);
  });

  test('an event stream (S3 SelectObjectContent Payload) is not a payload member, though marked streaming', () => {
    const command = new SelectObjectContentCommand({} as never);
    expect(payloadMembers(command, 's3:SelectObjectContent')).toEqual([]);
  });

  test('an operation without blob members has none', () => {
    expect(payloadMembers(new ReceiveMessageCommand({ QueueUrl: 'q' }), 'sqs:ReceiveMessage')).toEqual([]);
  });
});

describe('payloadMembersByName', () => {
  test('builds the command class to read its members', () => {
    expect(payloadMembersByName('s3:GetObject', GetObjectCommand)).toEqual([
      { name: 'Body', kind: 'stream' },
    ]);
  });

  test('no class, or one that cannot be built: the members known without a schema, else none', () => {
    expect(payloadMembersByName('lambda:Invoke', undefined)).toEqual([{ name: 'Payload', kind: 'blob' }]);
    // Paginators are functions, but not constructors.
    expect(payloadMembersByName('lambda:Invoke', paginateListFunctions)).toEqual([
      { name: 'Payload', kind: 'blob' },
    ]);
    expect(payloadMembersByName('sqs:ListQueues', paginateListQueues)).toEqual([]);
  });
});

/** An operation schema `[9, ns, name, traits, input, output]` whose output has these members. */
function operationWith(members: Record<string, unknown>): { schema: unknown[]; constructor: object } {
  const output = [3, 'test', 'OpOutput', 0, Object.keys(members), Object.values(members)];
  // Members are cached per command class (its constructor): a new one for each operation here.
  return { schema: [9, 'test', 'Op', 0, [3, 'test', 'OpInput', 0, [], []], output], constructor: {} };
}

const BLOB = 21;
const STREAMING_BLOB = 42;

describe('payloadMembers from the forms of the schema format', () => {
  test('member traits as an object: httpPayload makes a blob the blob adapter, streaming makes it a stream', () => {
    const command = operationWith({
      Body: [BLOB, { httpPayload: 1 }],
      Events: [BLOB, { streaming: 1 }],
      Other: [BLOB, { sensitive: 1 }],
    });
    expect(payloadMembers(command, 'test:Op')).toEqual([
      { name: 'Body', kind: 'blob' },
      { name: 'Events', kind: 'stream' },
      { name: 'Other', kind: 'bytes' },
    ]);
  });

  test('a blob or streaming blob given by its type alone, without traits', () => {
    const command = operationWith({ Data: BLOB, Body: STREAMING_BLOB, Name: 0 });
    expect(payloadMembers(command, 'test:Op')).toEqual([
      { name: 'Data', kind: 'bytes' },
      { name: 'Body', kind: 'stream' },
    ]);
  });
});
