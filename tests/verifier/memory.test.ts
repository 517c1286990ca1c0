import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const s3 = new S3Client({});
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const PAYLOAD = 'x'.repeat(2_000);

/** One whole test's worth of work: mocks, a sandbox with calls, assertions and verification. */
async function oneTest(): Promise<WeakRef<StrictVerifier>> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject', { times: 5, returns: { Body: PAYLOAD } });
  verifier.aws.mockCall('dynamodb-document', 'Put');
  await verifier.run(async () => {
    for (let index = 0; index < 5; index++) {
      await s3.send(new GetObjectCommand({ Bucket: 'b', Key: `${index}-${PAYLOAD}` }));
    }
    await documents.send(new PutCommand({ TableName: 't', Item: { id: PAYLOAD } }));
  });
  verifier.inAnyOrder(() => {
    for (let index = 4; index >= 0; index--) {
      verifier.aws.assertAwsCall(GetObjectCommand, { params: { Bucket: 'b', Key: `${index}-${PAYLOAD}` } });
    }
  });
  verifier.aws.assertAwsCall(PutCommand, { params: { TableName: 't', Item: { id: PAYLOAD } } });
  verifier.verifyAll();
  return new WeakRef(verifier);
}

async function heapAfterCollection(): Promise<number> {
  // WeakRefs and finished promises are only released once the current job has ended.
  await nextMacrotask();
  collectGarbage();
  await nextMacrotask();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('memory', () => {
  test('1,000 verifiers that ran a sandbox and were verified are all collected: the heap stays flat', async () => {
    for (let index = 0; index < 50; index++) await oneTest();
    const before = await heapAfterCollection();

    const verifiers: Array<WeakRef<StrictVerifier>> = [];
    for (let index = 0; index < 1_000; index++) verifiers.push(await oneTest());
    const after = await heapAfterCollection();

    expect(verifiers.filter((verifier) => verifier.deref() !== undefined)).toEqual([]);
    // Each verifier recorded about 14 KB of params: kept, 1,000 of them would be about 14 MB.
    expect(after - before).toBeLessThan(2 * 1024 * 1024);
  }, 60_000);
});
