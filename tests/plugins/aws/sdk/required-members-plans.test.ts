/**
 * Required-member plans at their edges: the input's later members, operations that require nothing, values
 * of the wrong kind where a plan expects a structure or a list, unions under the document client, and map
 * keys that need escaping in a path.
 */
import { ListBucketsCommand, PutBucketAnalyticsConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import {
  inputMembers,
  lacksRequired,
  mapPath,
  missingMembers,
  type RequiredPlan,
  requiredPlan,
} from '../../../../src/plugins/aws/sdk/required-members';
import {
  type OperationModel,
  operationModel,
  type SchemaNode,
} from '../../../../src/plugins/aws/sdk/service-model';
import { expectRefused, expectServed } from './required-members-support';

const sqs = new SQSClient({});
const s3 = new S3Client({});
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders';

function modelOf(command: object, client: string): OperationModel {
  const model = operationModel(command, () => require.resolve(`@aws-sdk/${client}`));
  if (model === undefined) throw new Error('no model');
  return model;
}

/** The node of a member, by path of member names, from a structure node. */
function memberNode(node: SchemaNode, ...names: string[]): SchemaNode {
  let current = node;
  for (const name of names) {
    const found = [...current.structIterator()].find(([member]) => member === name);
    if (found === undefined) throw new Error(`no member ${name}`);
    current = found[1];
  }
  return current;
}

function planOf(node: SchemaNode): RequiredPlan {
  const plan = requiredPlan(node);
  if (plan === undefined) throw new Error('no plan');
  return plan;
}

const analyticsInput = modelOf(new PutBucketAnalyticsConfigurationCommand({} as never), 'client-s3').input;
const batchInput = modelOf(new SendMessageBatchCommand({} as never), 'client-sqs').input;

describe('required members of the input, member by member', () => {
  test("a required member missing below the input's second such member (MessageSystemAttributes) is found", async () => {
    const sendMessage = {
      service: 'sqs',
      operation: 'SendMessage',
      params: {
        QueueUrl: QUEUE_URL,
        MessageBody: 'hello',
        MessageAttributes: { source: { DataType: 'String', StringValue: 'web' } },
        MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-abc' } },
      },
    };
    await expectServed(sqs, SendMessageCommand, sendMessage);
    await expectRefused(
      sqs,
      SendMessageCommand,
      {
        ...sendMessage,
        params: {
          ...sendMessage.params,
          MessageSystemAttributes: { AWSTraceHeader: { StringValue: 'Root=1-abc' } },
        },
      },
      [
        "MessageSystemAttributes['AWSTraceHeader'].DataType is missing, and MessageSystemAttributeValue requires it: add DataType: '...' to MessageSystemAttributes['AWSTraceHeader'].",
      ],
    );
  });

  test('an operation that requires nothing at any depth still has its params checked', async () => {
    await expectRefused(
      s3,
      ListBucketsCommand,
      { service: 's3', operation: 'ListBuckets', params: { Bucket: 'photos' } },
      ['Bucket is not a member of this input.'],
    );
  });

  test('inputMembers gives each top-level member the plan of its own position', () => {
    const plan = planOf(batchInput);
    const { members, requiredCount } = inputMembers(batchInput, plan);
    expect(requiredCount).toBe(2);
    expect(members.get('QueueUrl')).toEqual(expect.objectContaining({ required: true, plan: undefined }));
    expect(members.get('Entries')?.plan).toBe(plan.nestedPlans[plan.nested.indexOf('Entries')]);
    const none = inputMembers(batchInput, undefined);
    expect(none.requiredCount).toBe(0);
    expect(none.members.get('Entries')).toEqual(
      expect.objectContaining({ required: false, plan: undefined }),
    );
  });

  test('a shape that is not a structure has no input members', () => {
    const entries = memberNode(batchInput, 'Entries');
    expect(inputMembers(entries, undefined)).toEqual({ members: new Map(), requiredCount: 0 });
  });
});

describe('values of another kind than the plan expects', () => {
  const entries = memberNode(batchInput, 'Entries');
  const entriesPlan = planOf(entries);
  const entryPlan = planOf(entries.getValueSchema());

  test('a list given as an object is not walked as a map (the kind check reports it)', () => {
    const value = { first: { Id: '1' } };
    expect(lacksRequired(entriesPlan, value, false)).toBe(false);
    expect(missingMembers(entriesPlan, value, false)).toEqual([]);
    expect(lacksRequired(entriesPlan, [{ Id: '1' }], false)).toBe(true);
    expect(missingMembers(entriesPlan, [{ Id: '1' }], false).map((missing) => missing.path)).toEqual([
      '[0].MessageBody',
    ]);
  });

  test('a structure given as a string lacks nothing (the kind check reports it)', () => {
    expect(lacksRequired(entryPlan, 'hello', false)).toBe(false);
    expect(missingMembers(entryPlan, 'hello', false)).toEqual([]);
    expect(lacksRequired(entryPlan, {}, false)).toBe(true);
  });

  test('a member literally named "undefined" is no nested member', () => {
    const configuration = planOf(memberNode(analyticsInput, 'AnalyticsConfiguration'));
    const value = { Id: 'report', StorageClassAnalysis: {}, undefined: { Format: 'CSV' } };
    expect(lacksRequired(configuration, value, false)).toBe(false);
    expect(missingMembers(configuration, value, false)).toEqual([]);
  });
});

describe('unions', () => {
  const filter = planOf(memberNode(analyticsInput, 'AnalyticsConfiguration', 'Filter'));

  test('a union is checked, but not under the document client (its values there are native)', () => {
    const value = { Tag: { Key: 'team' } };
    expect(filter.union).toBe(true);
    expect(lacksRequired(filter, value, false)).toBe(true);
    expect(missingMembers(filter, value, false).map((missing) => missing.path)).toEqual(['Tag.Value']);
    expect(lacksRequired(filter, value, true)).toBe(false);
    expect(missingMembers(filter, value, true)).toEqual([]);
  });
});

describe('paths', () => {
  test('a map key with quotes keeps them escaped, between single quotes', () => {
    expect(mapPath('RequestItems', 'say "hi"')).toBe(`RequestItems['say \\"hi\\"']`);
    expect(mapPath('', 'orders')).toBe(`['orders']`);
  });
});
