import { PublishBatchCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { describe, test } from '@jest/globals';
import { expectRefused, expectServed, without } from './required-members-support';

const sqs = new SQSClient({});
const sns = new SNSClient({});
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders';
const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:orders';

const sendMessage = {
  service: 'sqs',
  operation: 'SendMessage',
  params: {
    QueueUrl: QUEUE_URL,
    MessageBody: '{"orderId":"1"}',
    MessageAttributes: { source: { DataType: 'String', StringValue: 'checkout' } },
  },
};
const sendMessageBatch = {
  service: 'sqs',
  operation: 'SendMessageBatch',
  params: {
    QueueUrl: QUEUE_URL,
    Entries: [
      { Id: '1', MessageBody: '{"orderId":"1"}' },
      { Id: '2', MessageBody: '{"orderId":"2"}', DelaySeconds: 5 },
    ],
  },
};
const receiveMessage = {
  service: 'sqs',
  operation: 'ReceiveMessage',
  params: { QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 },
};
const deleteMessage = {
  service: 'sqs',
  operation: 'DeleteMessage',
  params: { QueueUrl: QUEUE_URL, ReceiptHandle: 'AQEB...' },
};

describe('SQS: members the service model requires', () => {
  test('real-looking SendMessage, SendMessageBatch, ReceiveMessage and DeleteMessage calls are served', async () => {
    await expectServed(sqs, SendMessageCommand, { ...sendMessage, returns: { MessageId: 'm-1' } });
    await expectServed(sqs, SendMessageBatchCommand, sendMessageBatch);
    await expectServed(sqs, ReceiveMessageCommand, { ...receiveMessage, returns: { Messages: [] } });
    await expectServed(sqs, DeleteMessageCommand, deleteMessage);
  });

  test('SendMessage without QueueUrl, MessageBody or an attribute’s DataType is refused', async () => {
    await expectRefused(sqs, SendMessageCommand, without(sendMessage, 'params', 'QueueUrl'), [
      "QueueUrl is missing, and the operation requires it: add QueueUrl: '...' to the params.",
    ]);
    await expectRefused(sqs, SendMessageCommand, without(sendMessage, 'params', 'MessageBody'), [
      "MessageBody is missing, and the operation requires it: add MessageBody: '...' to the params.",
    ]);
    await expectRefused(
      sqs,
      SendMessageCommand,
      without(sendMessage, 'params', 'MessageAttributes', 'source', 'DataType'),
      [
        "MessageAttributes['source'].DataType is missing, and MessageAttributeValue requires it: add DataType: '...' to MessageAttributes['source'].",
      ],
    );
  });

  test('SendMessageBatch: QueueUrl, Entries, and each entry’s Id and MessageBody', async () => {
    await expectRefused(sqs, SendMessageBatchCommand, without(sendMessageBatch, 'params', 'QueueUrl'), [
      "QueueUrl is missing, and the operation requires it: add QueueUrl: '...' to the params.",
    ]);
    await expectRefused(sqs, SendMessageBatchCommand, without(sendMessageBatch, 'params', 'Entries'), [
      'Entries is missing, and the operation requires it: add Entries: [/* SendMessageBatchRequestEntryList */] to the params.',
    ]);
    await expectRefused(
      sqs,
      SendMessageBatchCommand,
      without(sendMessageBatch, 'params', 'Entries', 1, 'Id'),
      [
        "Entries[1].Id is missing, and SendMessageBatchRequestEntry requires it: add Id: '...' to Entries[1].",
      ],
    );
    await expectRefused(
      sqs,
      SendMessageBatchCommand,
      without(sendMessageBatch, 'params', 'Entries', 0, 'MessageBody'),
      [
        "Entries[0].MessageBody is missing, and SendMessageBatchRequestEntry requires it: add MessageBody: '...' to Entries[0].",
      ],
    );
  });

  test('ReceiveMessage without QueueUrl and DeleteMessage without ReceiptHandle are refused', async () => {
    await expectRefused(sqs, ReceiveMessageCommand, without(receiveMessage, 'params', 'QueueUrl'), [
      "QueueUrl is missing, and the operation requires it: add QueueUrl: '...' to the params.",
    ]);
    await expectRefused(sqs, DeleteMessageCommand, without(deleteMessage, 'params', 'ReceiptHandle'), [
      "ReceiptHandle is missing, and the operation requires it: add ReceiptHandle: '...' to the params.",
    ]);
  });
});

const publish = {
  service: 'sns',
  operation: 'Publish',
  params: {
    TopicArn: TOPIC_ARN,
    Message: '{"orderId":"1"}',
    MessageAttributes: { kind: { DataType: 'String', StringValue: 'created' } },
  },
};
const publishBatch = {
  service: 'sns',
  operation: 'PublishBatch',
  params: {
    TopicArn: TOPIC_ARN,
    PublishBatchRequestEntries: [
      { Id: '1', Message: '{"orderId":"1"}' },
      { Id: '2', Message: '{"orderId":"2"}' },
    ],
  },
};

describe('SNS: members the service model requires', () => {
  test('real-looking Publish and PublishBatch calls are served; Publish needs no TopicArn (a phone number or target will do)', async () => {
    await expectServed(sns, PublishCommand, { ...publish, returns: { MessageId: 'm-1' } });
    await expectServed(sns, PublishCommand, {
      ...without(publish, 'params', 'TopicArn'),
      params: { PhoneNumber: '+15555550100', Message: 'Your code is 1234' },
    });
    await expectServed(sns, PublishBatchCommand, publishBatch);
  });

  test('Publish without Message or an attribute’s DataType is refused', async () => {
    await expectRefused(sns, PublishCommand, without(publish, 'params', 'Message'), [
      "Message is missing, and the operation requires it: add Message: '...' to the params.",
    ]);
    await expectRefused(
      sns,
      PublishCommand,
      without(publish, 'params', 'MessageAttributes', 'kind', 'DataType'),
      [
        "MessageAttributes['kind'].DataType is missing, and MessageAttributeValue requires it: add DataType: '...' to MessageAttributes['kind'].",
      ],
    );
  });

  test('PublishBatch: TopicArn, the entries, and each entry’s Id and Message', async () => {
    await expectRefused(sns, PublishBatchCommand, without(publishBatch, 'params', 'TopicArn'), [
      "TopicArn is missing, and the operation requires it: add TopicArn: '...' to the params.",
    ]);
    await expectRefused(
      sns,
      PublishBatchCommand,
      without(publishBatch, 'params', 'PublishBatchRequestEntries'),
      [
        'PublishBatchRequestEntries is missing, and the operation requires it: add PublishBatchRequestEntries: [/* PublishBatchRequestEntryList */] to the params.',
      ],
    );
    await expectRefused(
      sns,
      PublishBatchCommand,
      without(publishBatch, 'params', 'PublishBatchRequestEntries', 0, 'Id'),
      [
        "PublishBatchRequestEntries[0].Id is missing, and PublishBatchRequestEntry requires it: add Id: '...' to PublishBatchRequestEntries[0].",
      ],
    );
    await expectRefused(
      sns,
      PublishBatchCommand,
      without(publishBatch, 'params', 'PublishBatchRequestEntries', 1, 'Message'),
      [
        "PublishBatchRequestEntries[1].Message is missing, and PublishBatchRequestEntry requires it: add Message: '...' to PublishBatchRequestEntries[1].",
      ],
    );
  });
});
