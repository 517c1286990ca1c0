import { describe, expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { uploadAndNotify } from './upload-and-notify';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/reports';

describe('uploadAndNotify', () => {
  test('uploads the CSV, then announces its key on the queue', async () => {
    tripwire.aws.mockCall('s3', 'PutObject', { returns: { ETag: '"abc"' } });
    tripwire.aws.mockCall('sqs', 'SendMessage', { returns: { MessageId: 'm-1' } });

    const receipt = await tripwire.run(() => uploadAndNotify('reports', 'daily.csv', 'a,b\n1,2', QUEUE_URL));

    expect(receipt).toEqual({ etag: '"abc"', messageId: 'm-1' });
    tripwire.aws.assertAwsCall({
      service: 's3',
      operation: 'PutObject',
      params: { Bucket: 'reports', Key: 'daily.csv', Body: 'a,b\n1,2', ContentType: 'text/csv' },
    });
    tripwire.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: QUEUE_URL, MessageBody: 'Uploaded daily.csv' },
    });
  });

  test('does not notify when the upload fails', async () => {
    tripwire.aws.mockCall('s3', 'PutObject', { raises: 'AccessDenied' });
    // No SendMessage mock: if the code sent one anyway, the call would be unmocked and fail the test.

    await expect(
      tripwire.run(() => uploadAndNotify('reports', 'daily.csv', 'a,b', QUEUE_URL)),
    ).rejects.toMatchObject({ name: 'AccessDenied' });

    tripwire.aws.assertAwsCall({
      service: 's3',
      operation: 'PutObject',
      params: { Bucket: 'reports', Key: 'daily.csv', Body: 'a,b', ContentType: 'text/csv' },
      raised: 'AccessDenied',
    });
  });
});
