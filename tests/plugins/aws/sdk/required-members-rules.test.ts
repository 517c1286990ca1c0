import { GetObjectCommand, GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import { NormalizedSchema } from '@smithy/core/schema';
import { StrictVerifier, TripwireConfigError } from 'ts-tripwire';
import {
  invalidParamsWording,
  noteProblemKinds,
} from '../../../../src/plugins/aws/messages/validation-problems';
import { requiredUncheckedWarning } from '../../../../src/plugins/aws/messages/warnings';
import {
  lacksRequired,
  missingMembers,
  requiredPlan,
} from '../../../../src/plugins/aws/sdk/required-members';
import { marksNoRequiredMembers } from '../../../../src/plugins/aws/sdk/sdk-line';
import type { SchemaNode } from '../../../../src/plugins/aws/sdk/service-model';

const IDEMPOTENCY_TOKEN = 0b100;

/** A static structure schema: `[3, namespace, name, traits, memberNames, memberSchemas, requiredCount]`. */
function structure(name: string, members: string[], schemas: unknown[], required: number): unknown[] {
  return [3, 'test', name, 0, members, schemas, required];
}

function node(schema: unknown): SchemaNode {
  return NormalizedSchema.of(schema as Parameters<typeof NormalizedSchema.of>[0]) as unknown as SchemaNode;
}

describe('which members are required', () => {
  test('the members the static schema lists first, as many as its count says; an idempotency token never', () => {
    const input = structure(
      'CreateThingInput',
      ['ClientToken', 'Name', 'Description'],
      [[0, IDEMPOTENCY_TOKEN], 0, 0],
      2,
    );
    const plan = requiredPlan(node(input));
    expect(plan?.required).toEqual(['Name']);
    expect(plan === undefined ? undefined : lacksRequired(plan, { Name: 'n' }, false)).toBe(false);
    expect(plan === undefined ? undefined : lacksRequired(plan, { ClientToken: 't' }, false)).toBe(true);
  });

  test('a structure without a count (older schemas) requires nothing, so nothing is refused', () => {
    const input = [3, 'test', 'OldInput', 0, ['Name'], [0]];
    expect(requiredPlan(node(input))).toBeUndefined();
  });

  test('a recursive shape compiles (cycles settle) and is walked only where a required member can be', () => {
    const tree: unknown[] = structure('Tree', ['Label', 'Children'], [0, 0], 1);
    (tree[5] as unknown[])[1] = [1, 'test', 'Trees', 0, () => tree];
    const forest = structure(
      'ForestInput',
      ['Trees', 'Notes'],
      [
        [1, 'test', 'TreeList', 0, () => tree],
        [1, 'test', 'Notes', 0, 0],
      ],
      0,
    );
    const plan = requiredPlan(node(forest));
    expect(plan?.nested).toEqual(['Trees']);
    const value = {
      Trees: [{ Label: 'a', Children: [{ Label: 'b', Children: [{ Children: [] }] }] }],
      Notes: ['x'],
    };
    expect(plan === undefined ? [] : missingMembers(plan, value, false).map(({ path }) => path)).toEqual([
      'Trees[0].Children[0].Children[0].Label',
    ]);
  });
});

describe('the first line of the InvalidParamsError', () => {
  test('says unknown, missing, or both, and why each fails in production', () => {
    const unknownOnly = ["bucket is not a member of this input. Did you mean 'Bucket'?"];
    noteProblemKinds(unknownOnly, true, false);
    const missingOnly = [
      "TableName is missing, and the operation requires it: add TableName: '...' to the params.",
    ];
    noteProblemKinds(missingOnly, false, true);
    const both = [unknownOnly[0]!, missingOnly[0]!];
    noteProblemKinds(both, true, true);
    expect(invalidParamsWording(unknownOnly)).toEqual({
      headline: 'AWS call with params the operation does not have',
      consequence:
        'The real SDK drops unknown params without a word, and the request then fails or does the wrong thing in production.',
    });
    expect(invalidParamsWording(missingOnly)).toEqual({
      headline: 'AWS call without params the operation requires',
      consequence:
        'The real service (or the SDK, before sending) refuses such a request, so it fails in production.',
    });
    expect(invalidParamsWording(both)).toEqual({
      headline: 'AWS call with params the operation does not have, and without params it requires',
      consequence:
        'The real SDK drops unknown params without a word, and the real service (or the SDK, before sending) refuses a request that lacks a required one: either way the request fails or does the wrong thing in production.',
    });
  });
});

describe('registered outputs', () => {
  test('a structure the output gives must have its required members; the top level may stay partial', () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall(SendMessageBatchCommand, {
      returns: {
        Successful: [{ Id: '1', MessageId: 'm-1', MD5OfMessageBody: 'c4ca4238a0b923820dcc509a6f75849b' }],
      },
    });
    verifier.aws.mockCall(GetObjectTaggingCommand, { returns: {} });
    expect(() =>
      verifier.aws.mockCall(GetObjectTaggingCommand, { returns: { TagSet: [{ Key: 'team' } as never] } }),
    ).toThrow(
      new TripwireConfigError(
        "mockCall('s3', 'GetObjectTagging', ...): returns does not match the GetObjectTagging output of the installed SDK:\n" +
          "  - TagSet[0].Value is missing, and Tag requires it: add Value: '...' to TagSet[0].\n" +
          'Fix the output; or, if the model is wrong, turn validation off: verifier.configure({ validate: false });',
      ),
    );
  });

  test('configure({ validate: false }) lets a call without required members through, and a partial output', async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ validate: false });
    verifier.aws.mockCall(GetObjectTaggingCommand, { returns: { TagSet: [{ Key: 'team' } as never] } });
    verifier.aws.mockCall(GetObjectCommand, { returns: { ContentLength: 0 } });
    const s3 = new S3Client({});
    await verifier.run(async () => {
      await s3.send(new GetObjectTaggingCommand({ Bucket: 'b', Key: 'k' }));
      await s3.send(new GetObjectCommand({ Key: 'k' } as never));
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObjectTagging',
      params: { Bucket: 'b', Key: 'k' },
    });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Key: 'k' } });
    verifier.verifyAll();
  });
});

describe('SDK lines whose schemas do not mark required members', () => {
  test('are the lines before 3.969.0 (schemas from about 3.95x carry no count yet)', () => {
    expect(marksNoRequiredMembers('@aws-sdk/client-s3 3.952.0')).toBe(true);
    expect(marksNoRequiredMembers('@aws-sdk/client-sts 3.968.0')).toBe(true);
    expect(marksNoRequiredMembers('@aws-sdk/client-sts 3.969.0')).toBe(false);
    expect(marksNoRequiredMembers('@aws-sdk/client-s3 3.1169.0')).toBe(false);
    expect(marksNoRequiredMembers('@aws-sdk/client-s3 4.0.0')).toBe(false);
  });

  test('are named in a warning that says what still is checked and what to install', () => {
    expect(requiredUncheckedWarning('@aws-sdk/client-s3 3.952.0')).toBe(
      'ts-tripwire: required params are not checked: the installed AWS SDK line (@aws-sdk/client-s3 3.952.0) has operation schemas but does not mark required members, ' +
        'so a call without a TableName or a Key passes here and fails in production (unknown params and outputs are still checked). ' +
        'Upgrade the @aws-sdk/* packages to 3.969.0 or later to have them checked.',
    );
  });
});
