import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

export interface Document {
  id: string;
  ownerId: string;
  title: string;
  tags: string[];
}

export class DocumentAlreadyExistsError extends Error {
  constructor(readonly id: string) {
    super(`Document ${id} already exists`);
    this.name = 'DocumentAlreadyExistsError';
  }
}

/** Documents in one DynamoDB table: partition key `id`, and a GSI `byOwner` on `ownerId`. */
export class DocumentRepository {
  private readonly db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

  constructor(private readonly tableName: string) {}

  async save(document: Document): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: document,
          ConditionExpression: 'attribute_not_exists(id)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new DocumentAlreadyExistsError(document.id);
      throw error;
    }
  }

  async findById(id: string): Promise<Document | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { id } }));
    return Item as Document | undefined;
  }

  async listByOwner(ownerId: string): Promise<Document[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byOwner',
        KeyConditionExpression: 'ownerId = :owner',
        ExpressionAttributeValues: { ':owner': ownerId },
      }),
    );
    return Items as Document[];
  }
}
