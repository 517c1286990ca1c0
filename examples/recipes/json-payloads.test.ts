import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import { InteractionMismatchError, json, StrictVerifier, tripwire } from 'ts-tripwire';

const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:orders';
const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:fulfil';

// #region code-under-test
interface Order {
  orderId: string;
  customer: string;
  placedAt: string;
  lines: { sku: string; qty: number }[];
}

/** The code under test: one order, five JSON payloads. */
async function announceOrder(order: Order): Promise<void> {
  const event = { type: 'OrderPlaced', orderId: order.orderId, placedAt: order.placedAt };
  await new SQSClient({}).send(
    new SendMessageCommand({ QueueUrl: QUEUE, MessageBody: JSON.stringify(order) }),
  );
  await new SNSClient({}).send(new PublishCommand({ TopicArn: TOPIC, Message: JSON.stringify(event) }));
  await new EventBridgeClient({}).send(
    new PutEventsCommand({
      Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: JSON.stringify(event) }],
    }),
  );
  await new SFNClient({}).send(
    new StartExecutionCommand({
      stateMachineArn: MACHINE,
      name: order.orderId,
      input: JSON.stringify({ order }),
    }),
  );
  await new LambdaClient({}).send(
    new InvokeCommand({
      FunctionName: 'reserve-stock',
      Payload: new TextEncoder().encode(JSON.stringify(order.lines)),
    }),
  );
}
// #endregion code-under-test

const ORDER: Order = {
  orderId: 'o-1',
  customer: 'c-42',
  placedAt: '2026-01-02T10:15:00.000Z',
  lines: [{ sku: 'a-1', qty: 2 }],
};

function mockAll(): void {
  tripwire.aws.mockCall('sqs', 'SendMessage', { returns: { MessageId: 'm-1' } });
  tripwire.aws.mockCall('sns', 'Publish', { returns: { MessageId: 'n-1' } });
  tripwire.aws.mockCall('eventbridge', 'PutEvents', { returns: { FailedEntryCount: 0 } });
  tripwire.aws.mockCall('sfn', 'StartExecution', {
    returns: { executionArn: `${MACHINE}:o-1`, startDate: new Date() },
  });
  tripwire.aws.mockCall('lambda', 'Invoke', { returns: { StatusCode: 200 } });
}

function thrownBy(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    expect(error).toBeInstanceOf(InteractionMismatchError);
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

// #region assert-by-value
test('each payload asserted by its parsed value', async () => {
  mockAll();
  await tripwire.run(() => announceOrder(ORDER));

  const placed = { type: 'OrderPlaced', orderId: 'o-1', placedAt: expect.any(String) };
  tripwire.aws.assertAwsCall(SendMessageCommand, {
    params: {
      QueueUrl: QUEUE,
      MessageBody: tripwire.json({
        orderId: 'o-1',
        customer: 'c-42',
        placedAt: expect.any(String),
        lines: [{ sku: 'a-1', qty: 2 }],
      }),
    },
  });
  tripwire.aws.assertAwsCall(PublishCommand, { params: { TopicArn: TOPIC, Message: tripwire.json(placed) } });
  tripwire.aws.assertAwsCall(PutEventsCommand, {
    params: {
      Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: tripwire.json(placed) }],
    },
  });
  tripwire.aws.assertAwsCall(StartExecutionCommand, {
    params: {
      stateMachineArn: MACHINE,
      name: 'o-1',
      input: tripwire.json({ order: expect.objectContaining({ orderId: 'o-1' }) }),
    },
  });
  tripwire.aws.assertAwsCall(InvokeCommand, {
    params: { FunctionName: 'reserve-stock', Payload: tripwire.json([{ sku: 'a-1', qty: 2 }]) },
  });
});
// #endregion assert-by-value

/** The "Differing fields" lines of a mismatch, and the line of its hint that holds `key`. */
function explained(message: string, key: string): string[] {
  const lines = message.split('\n');
  const fields = lines.slice(
    lines.indexOf('Differing fields:') + 1,
    lines.indexOf('Unasserted timeline (next first):'),
  );
  const hint = lines
    .slice(lines.indexOf('To assert what was recorded:'))
    .filter((line) => line.trim().startsWith(`${key}:`));
  return [...fields, ...hint];
}

describe('mismatch messages name the JSON paths that differ, and the hints use tripwire.json', () => {
  test('SQS MessageBody, SNS Message, EventBridge Detail, Step Functions input, Lambda Payload', async () => {
    mockAll();
    await tripwire.run(() => announceOrder(ORDER));

    // #region sqs-mismatch
    const wrongBody = { orderId: 'o-1', customer: 'c-7', lines: [{ sku: 'a-1', qty: 3 }] };
    const sqs = thrownBy(() =>
      tripwire.aws.assertAwsCall(SendMessageCommand, {
        params: { QueueUrl: QUEUE, MessageBody: JSON.stringify(wrongBody) },
      }),
    );
    expect(explained(sqs, 'MessageBody')).toEqual([
      "  params.MessageBody (JSON) .customer: expected 'c-7', actual 'c-42'",
      '  params.MessageBody (JSON) .lines[0].qty: expected 3, actual 2',
      "  params.MessageBody (JSON) .placedAt: expected <absent>, actual '2026-01-02T10:15:00.000Z'",
      '      MessageBody: tripwire.json({',
    ]);
    // #endregion sqs-mismatch
    tripwire.aws.assertAwsCall(SendMessageCommand, {
      params: { QueueUrl: QUEUE, MessageBody: JSON.stringify(ORDER) },
    });

    const sns = thrownBy(() =>
      tripwire.aws.assertAwsCall(PublishCommand, {
        params: { TopicArn: TOPIC, Message: tripwire.json({ type: 'OrderPlaced', orderId: 'o-2' }) },
      }),
    );
    expect(explained(sns, 'Message')).toEqual([
      "  params.Message (JSON) .orderId: expected 'o-2', actual 'o-1'",
      "  params.Message (JSON) .placedAt: expected <absent>, actual '2026-01-02T10:15:00.000Z'",
      "      Message: tripwire.json({ type: 'OrderPlaced', orderId: 'o-1', placedAt: '2026-01-02T10:15:00.000Z' }),",
    ]);
    tripwire.aws.assertAwsCall(PublishCommand, {
      params: { TopicArn: TOPIC, Message: tripwire.json(expect.anything()) },
    });

    const detail = thrownBy(() =>
      tripwire.aws.assertAwsCall(PutEventsCommand, {
        params: {
          Entries: [
            {
              Source: 'shop.orders',
              DetailType: 'OrderPlaced',
              Detail: tripwire.json(expect.objectContaining({ type: 'OrderShipped' })),
            },
          ],
        },
      }),
    );
    expect(explained(detail, 'Detail')).toEqual([
      "  params.Entries[0].Detail (JSON): expected expect.objectContaining({ type: 'OrderShipped' }), actual { type: 'OrderPlaced', orderId: 'o-1', placedAt: '2026-01-02T10:15:00.000Z' }",
      "          Detail: tripwire.json({ type: 'OrderPlaced', orderId: 'o-1', placedAt: '2026-01-02T10:15:00.000Z' }),",
    ]);
    tripwire.aws.assertAwsCall(PutEventsCommand, {
      params: {
        Entries: [
          {
            Source: 'shop.orders',
            DetailType: 'OrderPlaced',
            Detail: tripwire.json(expect.objectContaining({ type: 'OrderPlaced' })),
          },
        ],
      },
    });

    const input = thrownBy(() =>
      tripwire.aws.assertAwsCall(StartExecutionCommand, {
        params: {
          stateMachineArn: MACHINE,
          name: 'o-1',
          input: JSON.stringify({ order: { ...ORDER, lines: [] } }),
        },
      }),
    );
    expect(explained(input, 'input')).toEqual([
      "  params.input (JSON) .order.lines: expected [], actual [{ sku: 'a-1', qty: 2 }]",
      '      input: tripwire.json({',
    ]);
    tripwire.aws.assertAwsCall(StartExecutionCommand, {
      params: { stateMachineArn: MACHINE, name: 'o-1', input: JSON.stringify({ order: ORDER }) },
    });

    const payload = thrownBy(() =>
      tripwire.aws.assertAwsCall(InvokeCommand, {
        params: {
          FunctionName: 'reserve-stock',
          Payload: new TextEncoder().encode('[{"sku":"a-1","qty":1}]'),
        },
      }),
    );
    expect(explained(payload, 'params')).toEqual([
      '  params.Payload (JSON) [0].qty: expected 1, actual 2',
      "    params: { FunctionName: 'reserve-stock', Payload: tripwire.json([{ sku: 'a-1', qty: 2 }]) },",
    ]);
    tripwire.aws.assertAwsCall(InvokeCommand, {
      params: { FunctionName: 'reserve-stock', Payload: tripwire.json([{ sku: 'a-1', qty: 2 }]) },
    });
  });
});

// #region long-text
test('a long plain text shows where it first differs', async () => {
  tripwire.aws.mockCall('sqs', 'SendMessage');
  const note = (id: string) => `Order ${id} for customer c-42 was packed and handed to the carrier at 10:15.`;
  await tripwire.run(() =>
    new SQSClient({}).send(new SendMessageCommand({ QueueUrl: QUEUE, MessageBody: note('o-1234') })),
  );

  const message = thrownBy(() =>
    tripwire.aws.assertAwsCall(SendMessageCommand, {
      params: { QueueUrl: QUEUE, MessageBody: note('o-1235') },
    }),
  );
  expect(message).toContain(
    "  params.MessageBody (differs at index 11): expected 'Order o-123' ▸ '5 for customer c-42 was '…, actual 'Order o-123' ▸ '4 for customer c-42 was '…",
  );
  tripwire.aws.assertAwsCall(SendMessageCommand, {
    params: { QueueUrl: QUEUE, MessageBody: note('o-1234') },
  });
});
// #endregion long-text

// #region own-verifier
test('with a verifier of your own, import json', async () => {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('sqs', 'SendMessage');
  await verifier.run(() =>
    new SQSClient({}).send(new SendMessageCommand({ QueueUrl: QUEUE, MessageBody: JSON.stringify(ORDER) })),
  );

  verifier.aws.assertAwsCall({
    service: 'sqs',
    operation: 'SendMessage',
    params: { QueueUrl: QUEUE, MessageBody: json(expect.objectContaining({ orderId: 'o-1' })) },
  });
  verifier.verifyAll();
});
// #endregion own-verifier
