import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export interface Show {
  showId: string;
  title: string;
  tags: Set<string>;
  prices: Record<string, number>;
}

export async function getShow(showId: string): Promise<Show | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: 'shows', Key: { showId } }));
  return Item as Show | undefined;
}

/** Reserves a seat; false when someone else has it already. */
export async function reserveSeat(showId: string, seat: string, userId: string): Promise<boolean> {
  try {
    await db.send(
      new PutCommand({
        TableName: 'seats',
        Item: { showId, seat, userId },
        ConditionExpression: 'attribute_not_exists(seat)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
