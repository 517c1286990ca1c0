import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

export interface OrderClients {
  readonly documents: DynamoDBDocumentClient;
  readonly s3: S3Client;
}

/**
 * Clients for wherever the environment points: AWS by default, or LocalStack and local emulators through
 * AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_DYNAMODB), where S3 needs path-style URLs.
 */
export function orderClients(): OrderClients {
  const local = Object.keys(process.env).some((name) => name.startsWith('AWS_ENDPOINT_URL'));
  return {
    documents: DynamoDBDocumentClient.from(new DynamoDBClient({})),
    s3: new S3Client({ forcePathStyle: local }),
  };
}

/** Moves an order from the orders table to the archive bucket; returns the archive key. */
export async function archiveOrder(clients: OrderClients, orderId: string): Promise<string> {
  const { Item } = await clients.documents.send(
    new GetCommand({ TableName: 'orders', Key: { id: orderId } }),
  );
  if (Item === undefined) throw new Error(`No order ${orderId}`);
  const key = `archive/${orderId}.json`;
  await clients.s3.send(
    new PutObjectCommand({ Bucket: 'order-archive', Key: key, Body: JSON.stringify(Item) }),
  );
  await clients.documents.send(new DeleteCommand({ TableName: 'orders', Key: { id: orderId } }));
  return key;
}
