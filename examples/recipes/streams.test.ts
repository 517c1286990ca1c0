import { Readable } from 'node:stream';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';

const s3 = new S3Client({});

/** The code under test: one GetObject, returning the Body stream. */
async function getBody(key: string) {
  const output = await s3.send(new GetObjectCommand({ Bucket: 'reports', Key: key }));
  return output.Body!;
}

function assertGetObject(key: string): void {
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: { Bucket: 'reports', Key: key },
  });
}

// #region body-forms
test('a Body from a string, bytes or a Readable is a real SDK stream', async () => {
  tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: 'id,amount\n1,10\n' } });
  tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: new Uint8Array([0x1f, 0x8b, 0x08]) } });
  tripwire.aws.mockCall('s3', 'GetObject', {
    returns: { Body: Readable.from([Buffer.from('line 1\n'), Buffer.from('line 2\n')]) },
  });

  const read = await tripwire.run(async () => ({
    text: await (await getBody('daily.csv')).transformToString(),
    bytes: await (await getBody('daily.csv.gz')).transformToByteArray(),
    web: await new Response((await getBody('daily.log')).transformToWebStream() as ReadableStream).text(),
  }));

  expect(read.text).toBe('id,amount\n1,10\n');
  expect(read.bytes).toEqual(new Uint8Array([0x1f, 0x8b, 0x08]));
  expect(read.web).toBe('line 1\nline 2\n');
  assertGetObject('daily.csv');
  assertGetObject('daily.csv.gz');
  assertGetObject('daily.log');
});
// #endregion body-forms

// #region fresh-per-call
test('each call gets a fresh stream; one stream is read only once', async () => {
  // A string or bytes can serve many calls. A Readable cannot: with times > 1 it is a TripwireConfigError.
  tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: 'same text' }, times: 2 });

  await tripwire.run(async () => {
    const first = await getBody('a.txt');
    expect(await first.transformToString()).toBe('same text');
    await expect(first.transformToString()).rejects.toThrow('The stream has already been transformed.');

    const second = await getBody('a.txt');
    expect(await second.transformToString()).toBe('same text');
  });

  assertGetObject('a.txt');
  assertGetObject('a.txt');
});
// #endregion fresh-per-call

// #region lambda-payload
test('a Lambda Payload given as a string is the SDK blob', async () => {
  tripwire.aws.mockCall('lambda', 'Invoke', {
    returns: { StatusCode: 200, Payload: JSON.stringify({ total: 42 }) },
  });

  const result = await tripwire.run(async () => {
    const lambda = new LambdaClient({});
    const output = await lambda.send(
      new InvokeCommand({ FunctionName: 'sum', Payload: JSON.stringify({ values: [40, 2] }) }),
    );
    return JSON.parse(output.Payload!.transformToString()); // synchronous: a blob, not a stream
  });

  expect(result).toEqual({ total: 42 });
  tripwire.aws.assertAwsCall({
    service: 'lambda',
    operation: 'Invoke',
    params: { FunctionName: 'sum', Payload: '{"values":[40,2]}' },
  });
});
// #endregion lambda-payload
