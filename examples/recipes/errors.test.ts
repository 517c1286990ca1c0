import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';

/** The code under test: reads a JSON object, or returns null when there is none. */
async function readJson(key: string): Promise<unknown> {
  const s3 = new S3Client({});
  try {
    const output = await s3.send(new GetObjectCommand({ Bucket: 'settings', Key: key }));
    return JSON.parse(await output.Body!.transformToString());
  } catch (error) {
    if (error instanceof NoSuchKey) return null;
    throw error;
  }
}

// #region code
test('a code becomes the client’s own exception class', async () => {
  tripwire.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });

  const settings = await tripwire.run(() => readJson('missing.json'));

  expect(settings).toBeNull(); // the code's `instanceof NoSuchKey` branch ran
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: { Bucket: 'settings', Key: 'missing.json' },
    raised: NoSuchKey,
  });
});
// #endregion code

// #region object
test('{ code, message, $fault, $metadata, ...fields } sets what the error carries', async () => {
  tripwire.aws.mockCall('s3', 'GetObject', {
    raises: {
      code: 'SlowDown', // not modeled by S3: an S3ServiceException named SlowDown
      message: 'Please reduce your request rate.',
      $fault: 'server',
      $metadata: { httpStatusCode: 503 },
      RequestId: 'R-1', // any other field is copied onto the error
    },
  });

  const reading = tripwire.run(() => readJson('busy.json'));

  await expect(reading).rejects.toBeInstanceOf(S3ServiceException);
  await expect(reading).rejects.toMatchObject({
    name: 'SlowDown',
    message: 'Please reduce your request rate.',
    $fault: 'server',
    $metadata: { httpStatusCode: 503, attempts: 1 },
    RequestId: 'R-1',
  });
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: { Bucket: 'settings', Key: 'busy.json' },
    raised: expect.objectContaining({ name: 'SlowDown', $fault: 'server' }),
  });
});
// #endregion object

// #region error-and-function
test('an Error is thrown as it is; a function builds one from the params', async () => {
  const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  tripwire.aws.mockCall('s3', 'GetObject', { raises: reset });
  // The typed form types `params` from GetObject's input.
  tripwire.aws.mockCall(GetObjectCommand, {
    raises: (params) =>
      new NoSuchKey({ message: `${params.Key} is gone`, $metadata: { httpStatusCode: 404 } }),
  });

  await tripwire.run(async () => {
    await expect(readJson('a.json')).rejects.toBe(reset);
    await expect(readJson('b.json')).resolves.toBeNull();
  });

  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: { Bucket: 'settings', Key: 'a.json' },
    raised: reset, // the same error, or one with the same name and message
  });
  tripwire.aws.assertAwsCall(GetObjectCommand, {
    params: { Bucket: 'settings', Key: 'b.json' },
    raised: 'NoSuchKey', // the error's name
  });
});
// #endregion error-and-function
