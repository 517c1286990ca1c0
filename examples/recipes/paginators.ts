import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';

/** Every key under `prefix`, 100 per page. */
export async function listKeys(bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  const pages = paginateListObjectsV2(
    { client: new S3Client({}), pageSize: 100 },
    { Bucket: bucket, Prefix: prefix },
  );
  for await (const page of pages) {
    keys.push(...(page.Contents ?? []).map((object) => object.Key!));
  }
  return keys;
}

export interface Order {
  customerId: string;
  orderId: string;
  total: number;
}

/** Every order of a customer, from the `orders` table (partition key `customerId`). */
export async function ordersOf(customerId: string): Promise<Order[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const orders: Order[] = [];
  const pages = paginateQuery(
    { client },
    {
      TableName: 'orders',
      KeyConditionExpression: 'customerId = :id',
      ExpressionAttributeValues: { ':id': customerId },
    },
  );
  for await (const page of pages) {
    orders.push(...((page.Items ?? []) as Order[]));
  }
  return orders;
}
