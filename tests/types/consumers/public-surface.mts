// A TypeScript consumer of the packed package, compiled by tests/packaging/type-matrix.test.ts under each
// compiler and module resolution. Every line must compile: it uses the public surface as users write it.
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type MockSpec,
  StrictVerifier,
  type Tripwire,
  TripwireConfigError,
  tripwire,
  VerificationError,
} from 'ts-tripwire';
import {
  formatValue,
  type Interaction,
  isAsymmetricMatcher,
  type Plugin,
  type PluginHost,
} from 'ts-tripwire/plugin';

declare module 'ts-tripwire' {
  interface AwsServices {
    s3: typeof import('@aws-sdk/client-s3');
    'dynamodb-document': typeof import('@aws-sdk/lib-dynamodb');
  }
  // What a plugin enabled in each test declares (docs/plugins.md): its accessor and its setting.
  interface Tripwire {
    readonly kv: KeyValueStand;
  }
  interface ConfigureOptions {
    kvMaxKeyLength?: number;
  }
}

interface KeyValueStand {
  mockGet(key: string, value: string): void;
}

// The module-level object the Jest, Vitest and node:test setups drive.
const current: Tripwire = tripwire;
current.aws.mockCall(GetObjectCommand, { returns: { Body: 'a,b', ContentLength: 3 } });
current.aws.mockCall('s3', 'ListObjectsV2', { returns: { KeyCount: 1, Contents: [{ Key: 'k' }] } });
current.aws.mockCall('sqs', 'SendMessage', { returns: { MessageId: 'm-1' } });
current.kv.mockGet('k', 'v');
current.configure({ guard: 'off', kvMaxKeyLength: 40 });

export async function readReport(): Promise<string | undefined> {
  const output: GetObjectCommandOutput = await new S3Client({}).send(
    new GetObjectCommand({ Bucket: 'b', Key: 'k' }),
  );
  return current.run(() => output.Body?.transformToString());
}

current.aws.assertAwsCall(GetObjectCommand, { params: { Bucket: 'b', Key: current.ANY } });
current.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b', MaxKeys: 2 } });
current.aws.assertAwsCall({ service: 'sqs', operation: 'SendMessage', params: { QueueUrl: 'q' } });

// A verifier by hand, with the typed forms: outputs and params typed from the command classes.
export function byHand(): void {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall(GetObjectCommand, {
    returns: async (params) => ({ ContentType: params.Key, $metadata: { httpStatusCode: 206 } }),
  });
  verifier.aws.mockCall(PutCommand, { returns: { Attributes: { id: 'a', count: 1 } } });
  verifier.aws.mockCall(ListObjectsV2Command, { raises: { code: 'NoSuchBucket', $fault: 'client' } });
  verifier.aws.mockCall('dynamodb-document', 'Put', { raises: 'ConditionalCheckFailedException' });
  verifier.aws.assertAwsCall(ListObjectsV2Command, { params: { Bucket: 'b' }, raised: 'NoSuchBucket' });
  verifier.aws.assertAwsCall(PutCommand, { params: { TableName: 't', Item: { id: 'a' } } });
  verifier.configure({ guard: 'warn', validate: false });
  verifier.verifyAll();
}

const spec: MockSpec = { returns: { anything: true }, times: 2, required: false };
export const untyped = spec;

// The plugin contract, as a third-party plugin uses it.
export function describeCall(plugin: Plugin, host: PluginHost, interaction: Interaction): string {
  return `${host.hintName}: ${plugin.formatInteraction(interaction)} ${formatValue(isAsymmetricMatcher(plugin))}`;
}

export function isLibraryError(error: unknown): boolean {
  return error instanceof TripwireConfigError || error instanceof VerificationError;
}
