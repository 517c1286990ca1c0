import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

export interface UploadReceipt {
  etag: string | undefined;
  messageId: string | undefined;
}

/** Stores a CSV report in S3, then tells the processing queue that it is there. */
export async function uploadAndNotify(
  bucket: string,
  key: string,
  csv: string,
  queueUrl: string,
): Promise<UploadReceipt> {
  const s3 = new S3Client({});
  const sqs = new SQSClient({});

  const upload = await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: csv, ContentType: 'text/csv' }),
  );
  // Notify only once the object exists: a consumer that reads it straight away must find it.
  const message = await sqs.send(
    new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `Uploaded ${key}` }),
  );

  return { etag: upload.ETag, messageId: message.MessageId };
}
