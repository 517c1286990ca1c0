/**
 * Blob output members: only the response body (`httpPayload`: Lambda `Payload`) is the SDK's blob adapter; any
 * other blob member (KMS `Plaintext`, Secrets Manager `SecretBinary`) is a plain `Uint8Array`, as the SDK's
 * own JSON deserializer makes it. KMS is not installed here, so its output schema is written out in the SDK's
 * schema format (as in @aws-sdk/client-kms); the deserializer is the installed one that client uses. Secrets
 * Manager is installed, and drives the refusal of a stream through mockCall. Latest line only: schemas and
 * this deserializer do not exist on 3.600.
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { JsonShapeDeserializer } from '@aws-sdk/core/protocols';
import { describe, expect, test } from '@jest/globals';
import { fromBase64 } from '@smithy/core/serde';
import { StrictVerifier, TripwireConfigError } from 'ts-tripwire';
import { buildOutput } from '../../../../src/plugins/aws/mocking/outputs';
import { payloadMembers } from '../../../../src/plugins/aws/sdk/payload-members';

const KMS = 'com.amazonaws.kms';
const PlaintextType = [0, KMS, 'PlaintextType', 8, 21];
const CiphertextType = [0, KMS, 'CiphertextType', 0, 21];
// [3, namespace, name, traits, member names, member schemas]: a member schema is a reference or [reference, traits].
const DecryptResponse = [
  3,
  KMS,
  'DecryptResponse',
  0,
  ['KeyId', 'Plaintext', 'CiphertextForRecipient'],
  [0, [() => PlaintextType, 0], () => CiphertextType],
];
const DecryptOperation = [9, KMS, 'Decrypt', 0, [3, KMS, 'DecryptRequest', 0, [], []], DecryptResponse];
class DecryptLikeCommand {
  readonly schema = DecryptOperation;
}

async function realDeserialized(schema: unknown, body: object): Promise<Record<string, unknown>> {
  const deserializer = new JsonShapeDeserializer({
    timestampFormat: { useTrait: true, default: 7 },
    jsonName: false,
  });
  deserializer.setSerdeContext({ base64Decoder: fromBase64 } as never);
  return (await deserializer.read(schema as never, JSON.stringify(body))) as Record<string, unknown>;
}

describe('blob members that are not the response body', () => {
  test('KMS Decrypt-shaped Plaintext and CiphertextForRecipient are plain Uint8Arrays, as the SDK’s JSON deserializer returns them', async () => {
    const members = payloadMembers(new DecryptLikeCommand(), 'kms:Decrypt');
    const real = await realDeserialized(DecryptResponse, {
      KeyId: 'k',
      Plaintext: Buffer.from('secret').toString('base64'),
      CiphertextForRecipient: Buffer.from([1, 2, 3]).toString('base64'),
    });

    const mocked = buildOutput(
      { KeyId: 'k', Plaintext: 'secret', CiphertextForRecipient: Buffer.from([1, 2, 3]) },
      members,
      undefined,
    );

    expect(members).toEqual([
      { name: 'Plaintext', kind: 'bytes' },
      { name: 'CiphertextForRecipient', kind: 'bytes' },
    ]);
    for (const name of ['Plaintext', 'CiphertextForRecipient']) {
      expect(Object.getPrototypeOf(real[name])).toBe(Uint8Array.prototype);
      expect(Object.getPrototypeOf(mocked[name])).toBe(Uint8Array.prototype);
      expect(mocked[name]).toEqual(real[name]);
    }
  });

  test('a Readable given for one is refused: it is bytes, not a stream', () => {
    const { Readable } = require('node:stream') as typeof import('node:stream');
    const members = payloadMembers(new DecryptLikeCommand(), 'kms:Decrypt');

    expect(() => buildOutput({ Plaintext: Readable.from(['x']) }, members, undefined)).toThrow(
      'Plaintext is a blob, not a stream: give it as a string or bytes.',
    );
  });

  test('Lambda Invoke Payload, the response body (httpPayload), stays the SDK’s blob adapter', () => {
    const members = payloadMembers(new InvokeCommand({ FunctionName: 'f' }), 'lambda:Invoke');

    const mocked = buildOutput({ Payload: '{"ok":true}' }, members, undefined);

    expect(members).toEqual([{ name: 'Payload', kind: 'blob' }]);
    expect((mocked.Payload as { transformToString(): string }).transformToString()).toBe('{"ok":true}');
    expect(Object.getPrototypeOf(mocked.Payload)).not.toBe(Uint8Array.prototype);
  });
});

describe('a Readable for a blob member, through mockCall', () => {
  const { Readable } = require('node:stream') as typeof import('node:stream');

  test('in a static returns: refused at registration, naming the registration', () => {
    const verifier = new StrictVerifier();
    expect(() =>
      verifier.aws.mockCall('secrets-manager', 'GetSecretValue', {
        returns: { SecretBinary: Readable.from(['x']) as never },
      }),
    ).toThrow(
      new TripwireConfigError(
        "mockCall('secrets-manager', 'GetSecretValue', ...): SecretBinary is a blob, not a stream: give it as a string or bytes.",
      ),
    );
  });

  test('from a returns function: the call rejects with the problem alone', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall(GetSecretValueCommand, {
      returns: () => ({ SecretBinary: Readable.from(['x']) as never }),
    });
    const error = await verifier.run(() =>
      new SecretsManagerClient({})
        .send(new GetSecretValueCommand({ SecretId: 's' }))
        .catch((e: unknown) => e),
    );
    expect(error).toEqual(
      new TripwireConfigError('SecretBinary is a blob, not a stream: give it as a string or bytes.'),
    );
  });
});
