/**
 * JSON payloads through real clients: SQS `MessageBody` (a string) and Lambda `Payload` (Uint8Array). The
 * mismatch messages list differing JSON paths, `json()` asserts by parsed value in both assertion forms, and
 * the hints print recorded JSON with `tripwire.json(...)` and pass when pasted.
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import {
  InteractionMismatchError,
  json,
  StrictVerifier,
  tripwire,
  UnassertedInteractionsError,
} from 'ts-tripwire';
import { thrownBy } from '../../../support/rejection';

const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';
const ORDER = { orderId: 'o-1', status: 'PAID', guid: 'SUCCESS', lines: [{ sku: 'a-1', qty: 2 }] };

async function sentOrder(body: unknown): Promise<StrictVerifier> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('sqs', 'SendMessage', { returns: { MessageId: 'm-1' } });
  await verifier.run(() =>
    new SQSClient({}).send(new SendMessageCommand({ QueueUrl: QUEUE, MessageBody: JSON.stringify(body) })),
  );
  return verifier;
}

async function invoked(payload: unknown): Promise<StrictVerifier> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('lambda', 'Invoke', { returns: { StatusCode: 200 } });
  await verifier.run(() =>
    new LambdaClient({}).send(
      new InvokeCommand({
        FunctionName: 'settle',
        Payload: new TextEncoder().encode(JSON.stringify(payload)),
      }),
    ),
  );
  return verifier;
}

function differingFields(error: Error): string[] {
  const lines = error.message.split('\n');
  return lines.slice(
    lines.indexOf('Differing fields:') + 1,
    lines.indexOf('Unasserted timeline (next first):'),
  );
}

describe('SQS SendMessage: a JSON MessageBody', () => {
  test('a mismatch lists the differing JSON paths, and the hint asserts the body with tripwire.json', async () => {
    const verifier = await sentOrder(ORDER);
    const error = thrownBy(() =>
      verifier.aws.assertAwsCall({
        service: 'sqs',
        operation: 'SendMessage',
        params: {
          QueueUrl: QUEUE,
          MessageBody: JSON.stringify({ orderId: 'o-1', status: 'NEW', lines: [{ sku: 'a-1', qty: 3 }] }),
        },
      }),
    );
    expect(error).toBeInstanceOf(InteractionMismatchError);
    expect(error.message).toBe(
      [
        'Assertion does not match the next recorded interaction, #1 sqs.SendMessage({',
        `  QueueUrl: '${QUEUE}',`,
        `  MessageBody: '{"orderId":"o-1","status":"PAID","guid":"SUCCESS","lines":[{"sku":"a-1","qty":2}]}',`,
        '})',
        'Differing fields:',
        "  params.MessageBody (JSON) .status: expected 'NEW', actual 'PAID'",
        '  params.MessageBody (JSON) .lines[0].qty: expected 3, actual 2',
        "  params.MessageBody (JSON) .guid: expected <absent>, actual 'SUCCESS'",
        'Unasserted timeline (next first):',
        '  #1 sqs.SendMessage({',
        `    QueueUrl: '${QUEUE}',`,
        `    MessageBody: '{"orderId":"o-1","status":"PAID","guid":"SUCCESS","lines":[{"sku":"a-1","qty":2}]}',`,
        '  })',
        'To assert what was recorded:',
        '  verifier.aws.assertAwsCall({',
        "    service: 'sqs',",
        "    operation: 'SendMessage',",
        '    params: {',
        `      QueueUrl: '${QUEUE}',`,
        '      MessageBody: tripwire.json({',
        "        orderId: 'o-1',",
        "        status: 'PAID',",
        "        guid: 'SUCCESS',",
        "        lines: [{ sku: 'a-1', qty: 2 }],",
        '      }),',
        '    },',
        '  });',
      ].join('\n'),
    );
  });

  test('json() asserts it by value, key order aside, in the plain and the typed form', async () => {
    const reordered = { lines: [{ qty: 2, sku: 'a-1' }], guid: 'SUCCESS', status: 'PAID', orderId: 'o-1' };
    const plain = await sentOrder(ORDER);
    plain.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: QUEUE, MessageBody: json(reordered) },
    });
    plain.verifyAll();
    const typed = await sentOrder(ORDER);
    typed.aws.assertAwsCall(SendMessageCommand, {
      params: { QueueUrl: QUEUE, MessageBody: tripwire.json(expect.objectContaining({ guid: 'SUCCESS' })) },
    });
    typed.verifyAll();
  });

  test('a failed json() lists paths too, and a failed json(matcher) shows the parsed body beside it', async () => {
    const verifier = await sentOrder(ORDER);
    const exact = thrownBy(() =>
      verifier.aws.assertAwsCall(SendMessageCommand, {
        params: { QueueUrl: QUEUE, MessageBody: json({ ...ORDER, guid: 'FAILED', lines: [] }) },
      }),
    );
    expect(differingFields(exact)).toEqual([
      "  params.MessageBody (JSON) .guid: expected 'FAILED', actual 'SUCCESS'",
      "  params.MessageBody (JSON) .lines: expected [], actual [{ sku: 'a-1', qty: 2 }]",
    ]);
    const partial = thrownBy(() =>
      verifier.aws.assertAwsCall(SendMessageCommand, {
        params: { QueueUrl: QUEUE, MessageBody: json(expect.objectContaining({ guid: 'FAILED' })) },
      }),
    );
    expect(differingFields(partial)).toEqual([
      "  params.MessageBody (JSON): expected expect.objectContaining({ guid: 'FAILED' }), actual { orderId: 'o-1', status: 'PAID', guid: 'SUCCESS', lines: [{ sku: 'a-1', qty: 2 }] }",
    ]);
  });

  test('a long plain body shows an excerpt around the first difference, not both bodies whole', async () => {
    const text = (id: string) =>
      `Order ${id} for customer c-42 was packed and handed to the carrier at 10:15, tracking code TRK-0001.`;
    const plain = new StrictVerifier();
    plain.aws.mockCall('sqs', 'SendMessage');
    await plain.run(() =>
      new SQSClient({}).send(new SendMessageCommand({ QueueUrl: QUEUE, MessageBody: text('o-1234') })),
    );
    const error = thrownBy(() =>
      plain.aws.assertAwsCall({
        service: 'sqs',
        operation: 'SendMessage',
        params: { QueueUrl: QUEUE, MessageBody: text('o-1235') },
      }),
    );
    expect(differingFields(error)).toEqual([
      "  params.MessageBody (differs at index 11): expected 'Order o-123' ▸ '5 for customer c-42 was '…, actual 'Order o-123' ▸ '4 for customer c-42 was '…",
    ]);
    plain.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: QUEUE, MessageBody: text('o-1234') },
    });
  });
});

describe('Lambda Invoke: a Uint8Array Payload', () => {
  test('a mismatch lists the differing paths of the decoded JSON', async () => {
    const verifier = await invoked({ orderId: 'o-1', guid: 'SUCCESS' });
    const error = thrownBy(() =>
      verifier.aws.assertAwsCall(InvokeCommand, {
        params: { FunctionName: 'settle', Payload: new TextEncoder().encode('{"orderId":"o-1"}') },
      }),
    );
    expect(differingFields(error)).toEqual([
      "  params.Payload (JSON) .guid: expected <absent>, actual 'SUCCESS'",
    ]);
    expect(error.message).toContain("Payload: tripwire.json({ orderId: 'o-1', guid: 'SUCCESS' })");
  });

  test('a failed json(matcher) shows the decoded value beside it, the call its payload as text', async () => {
    const verifier = await invoked(ORDER);
    const error = thrownBy(() =>
      verifier.aws.assertAwsCall(InvokeCommand, {
        params: { FunctionName: 'settle', Payload: json(expect.objectContaining({ guid: 'FAILED' })) },
      }),
    );
    expect(error.message.split('\n').slice(0, 6)).toEqual([
      'Assertion does not match the next recorded interaction, #1 lambda.Invoke({',
      "  FunctionName: 'settle',",
      `  Payload: Buffer.from('{"orderId":"o-1","status":"PAID","guid":"SUCCESS","lines":[{"sku":"a-1","qty":2}]}'),`,
      '})',
      'Differing fields:',
      "  params.Payload (JSON): expected expect.objectContaining({ guid: 'FAILED' }), actual { orderId: 'o-1', status: 'PAID', guid: 'SUCCESS', lines: [{ sku: 'a-1', qty: 2 }] }",
    ]);
  });

  test('json() matches the bytes by their decoded value', async () => {
    const verifier = await invoked({ orderId: 'o-1', guid: 'SUCCESS' });
    verifier.aws.assertAwsCall(InvokeCommand, {
      params: {
        FunctionName: 'settle',
        Payload: json({ guid: 'SUCCESS', orderId: expect.stringMatching(/^o-/) }),
      },
    });
    verifier.verifyAll();
  });
});

describe('the unasserted-call hint, pasted into a test, passes', () => {
  test('for an SQS body and a Lambda payload, both printed with tripwire.json', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sqs', 'SendMessage');
    verifier.aws.mockCall('lambda', 'Invoke');
    const envelope = { Type: 'Notification', Message: JSON.stringify(ORDER), 'Content-Type': 'a b' };
    await verifier.run(async () => {
      await new SQSClient({}).send(
        new SendMessageCommand({ QueueUrl: QUEUE, MessageBody: JSON.stringify(envelope) }),
      );
      await new LambdaClient({}).send(
        new InvokeCommand({
          FunctionName: 'settle',
          Payload: new TextEncoder().encode(JSON.stringify(ORDER)),
        }),
      );
    });
    const error = thrownBy(() => verifier.verifyAll());
    expect(error).toBeInstanceOf(UnassertedInteractionsError);
    const code = error.message.slice(
      error.message.indexOf('\n', error.message.indexOf('Assert them after the sandbox')),
    );
    expect(code).toContain('MessageBody: tripwire.json({');
    expect(code).toContain('    Message: tripwire.json({\n');
    expect(code).toContain("'Content-Type': 'a b'");
    // Evaluated as a test would run it: only `verifier`, `tripwire` and `expect` in scope.
    new Function('verifier', 'tripwire', 'expect', code)(verifier, tripwire, expect);
    verifier.verifyAll();
  });
});
