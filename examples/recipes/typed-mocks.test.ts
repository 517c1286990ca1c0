import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { expect, test } from '@jest/globals';
import { TripwireConfigError, tripwire } from 'ts-tripwire';

// #region command-class
test('the command-class form types returns, the returns function and params', async () => {
  tripwire.aws.mockCall(GetObjectCommand, {
    returns: (params) => ({
      Body: `contents of ${params.Key}`,
      ContentLength: 20,
      ContentType: 'text/plain',
    }),
  });

  const text = await tripwire.run(async () => {
    const output = await new S3Client({}).send(new GetObjectCommand({ Bucket: 'docs', Key: 'a.txt' }));
    return output.Body!.transformToString();
  });

  expect(text).toBe('contents of a.txt');
  tripwire.aws.assertAwsCall(GetObjectCommand, { params: { Bucket: 'docs', Key: 'a.txt' } });
});
// #endregion command-class

// #region string-form
test('the string form is typed for the services in AwsServices', async () => {
  tripwire.aws.mockCall('sqs', 'SendMessage', { returns: { MessageId: 'm-1' } });

  const output = await tripwire.run(() =>
    new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'https://sqs.example/q', MessageBody: 'hi' })),
  );

  expect(output.MessageId).toBe('m-1');
  tripwire.aws.assertAwsCall({
    service: 'sqs',
    operation: 'SendMessage',
    params: { QueueUrl: 'https://sqs.example/q', MessageBody: 'hi' },
  });
});
// #endregion string-form

// #region type-errors
test('mistakes fail to compile, and at run time too', () => {
  // @ts-expect-error SendMesage is not an SQS operation
  expect(() => tripwire.aws.mockCall('sqs', 'SendMesage')).toThrow(TripwireConfigError);
  // @ts-expect-error SendMessage's output has MessageId, not MessageID
  expect(() => tripwire.aws.mockCall('sqs', 'SendMessage', { returns: { MessageID: 'm-1' } })).toThrow(
    TripwireConfigError,
  );
  // @ts-expect-error ContentLength is a number
  expect(() => tripwire.aws.mockCall(GetObjectCommand, { returns: { ContentLength: '20' } })).toThrow(
    TripwireConfigError,
  );
});
// #endregion type-errors
