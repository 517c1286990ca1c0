import { InvokeCommand } from '@aws-sdk/client-lambda';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import { NormalizedSchema } from '@smithy/core/schema';
import { StrictVerifier, TripwireConfigError } from 'ts-tripwire';
import type { OperationModel, SchemaNode } from '../../../../src/plugins/aws/sdk/service-model';
import { outputProblems } from '../../../../src/plugins/aws/sdk/validation';
import { thrownBy } from '../../../support/rejection';

/** The problem lines of the TripwireConfigError a registration throws. */
function problemsOf(register: () => unknown): string[] {
  const error = thrownBy(register);
  expect(error).toBeInstanceOf(TripwireConfigError);
  return error.message
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4));
}

describe('registered outputs are checked member by member against the output schema', () => {
  test('strings, booleans, structures and lists of the wrong kind are named with their path', () => {
    const verifier = new StrictVerifier();
    const problems = problemsOf(() =>
      verifier.aws.mockCall(ListObjectsV2Command, {
        returns: {
          IsTruncated: 'yes' as never,
          ContinuationToken: 7 as never,
          Contents: [{ Key: 'a', Owner: 'me' as never }],
          CommonPrefixes: 'none' as never,
        },
      }),
    );
    expect(problems).toEqual([
      "IsTruncated must be a boolean, not the string 'yes'.",
      'ContinuationToken must be a string, not number 7.',
      "Contents[0].Owner must be an object, not the string 'me'.",
      "CommonPrefixes must be an array, not the string 'none'.",
    ]);
    verifier.verifyAll();
  });

  test('maps are checked as a whole and value by value, with the key quoted in the path', () => {
    const verifier = new StrictVerifier();
    expect(
      problemsOf(() =>
        verifier.aws.mockCall(GetObjectCommand, {
          returns: { Metadata: { color: 'red', size: 3 as never } },
        }),
      ),
    ).toEqual(["Metadata['size'] must be a string, not number 3."]);
    expect(
      problemsOf(() =>
        verifier.aws.mockCall(GetObjectCommand, { returns: { Metadata: 'color=red' as never } }),
      ),
    ).toEqual(["Metadata must be an object (a map), not the string 'color=red'."]);
    verifier.verifyAll();
  });

  test('a streaming blob or a plain blob must be a string, bytes or a stream', () => {
    const verifier = new StrictVerifier();
    expect(
      problemsOf(() => verifier.aws.mockCall(GetObjectCommand, { returns: { Body: 42 as never } })),
    ).toEqual(['Body must be a string, bytes or a stream, not number 42.']);
    expect(
      problemsOf(() => verifier.aws.mockCall(InvokeCommand, { returns: { Payload: { ok: true } as never } })),
    ).toEqual(['Payload must be a string, bytes or a stream, not an object.']);
    verifier.verifyAll();
  });

  test('payload values of every accepted form, null members and undefined unknown members pass', () => {
    const verifier = new StrictVerifier();
    const sdkStream = {
      transformToString: async () => 'x',
      transformToByteArray: async () => new Uint8Array(),
    };
    verifier.aws.mockCall(GetObjectCommand, { returns: { Body: sdkStream as never }, required: false });
    verifier.aws.mockCall(GetObjectCommand, { returns: { Body: new Uint8Array([1]) }, required: false });
    verifier.aws.mockCall(InvokeCommand, { returns: { Payload: '{}' as never }, required: false });
    verifier.aws.mockCall(ListObjectsV2Command, {
      returns: {
        Bogus: undefined,
        NextContinuationToken: null as never,
        Contents: [{ Key: null as never, Owner: null as never, Size: undefined }],
      } as never,
      required: false,
    });
    verifier.verifyAll();
  });

  test('an operation without output (a unit) has no member to give', () => {
    const verifier = new StrictVerifier();
    expect(
      problemsOf(() => verifier.aws.mockCall(DeleteMessageCommand, { returns: { Deleted: true } as never })),
    ).toEqual(['Deleted is not a member of this output.']);
    verifier.verifyAll();
  });

  test('a document member takes any value, while a timestamp takes a Date only', () => {
    // No installed client has a document member in an output: a model read through the SDK's own schema code.
    const output = NormalizedSchema.of([
      3,
      'test',
      'Output',
      0,
      ['Settings', 'At'],
      [15, 4],
    ]) as unknown as SchemaNode;
    const model: OperationModel = {
      input: output,
      output,
      topLevelOnly: false,
      required: undefined,
      inputMembers: new Map(),
      requiredCount: 0,
      recentParams: { keys: [], members: [] },
    };
    expect(outputProblems(model, { Settings: { any: ['thing'] }, At: new Date(0) })).toEqual([]);
    expect(outputProblems(model, { Settings: 'text', At: '1970-01-01' })).toEqual([
      "At must be a Date, not the string '1970-01-01'.",
    ]);
  });
});
