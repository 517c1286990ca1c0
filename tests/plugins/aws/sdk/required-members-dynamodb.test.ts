import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DynamoDBClient,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { expectRefused, expectServed, without } from './required-members-support';

const dynamodb = new DynamoDBClient({});
const documents = DynamoDBDocumentClient.from(dynamodb);

const updateItem = {
  service: 'dynamodb',
  operation: 'UpdateItem',
  params: {
    TableName: 'orders',
    Key: { pk: { S: 'order#1' } },
    UpdateExpression: 'SET #s = :s',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': { S: 'shipped' } },
  },
};
const batchGetItem = {
  service: 'dynamodb',
  operation: 'BatchGetItem',
  params: {
    RequestItems: {
      orders: { Keys: [{ pk: { S: 'order#1' } }], ProjectionExpression: 'pk, total' },
      'audit.log': { Keys: [{ pk: { S: 'event#9' } }] },
    },
  },
};
const batchWriteItem = {
  service: 'dynamodb',
  operation: 'BatchWriteItem',
  params: {
    RequestItems: {
      orders: [
        { PutRequest: { Item: { pk: { S: 'order#2' }, total: { N: '12.5' } } } },
        { DeleteRequest: { Key: { pk: { S: 'order#1' } } } },
      ],
    },
  },
};
const query = {
  service: 'dynamodb',
  operation: 'Query',
  params: {
    TableName: 'orders',
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': { S: 'order#1' } },
  },
};

describe('DynamoDB: members the service model requires', () => {
  test('real-looking UpdateItem, BatchGetItem, BatchWriteItem and Query calls are served', async () => {
    await expectServed(dynamodb, UpdateItemCommand, updateItem);
    await expectServed(dynamodb, BatchGetItemCommand, {
      ...batchGetItem,
      returns: { Responses: { orders: [] } },
    });
    await expectServed(dynamodb, BatchWriteItemCommand, batchWriteItem);
    await expectServed(dynamodb, QueryCommand, { ...query, returns: { Items: [], Count: 0 } });
  });

  test('UpdateItem without TableName or Key is refused', async () => {
    const message = await expectRefused(
      dynamodb,
      UpdateItemCommand,
      without(updateItem, 'params', 'TableName'),
      ["TableName is missing, and the operation requires it: add TableName: '...' to the params."],
    );
    expect(message).toContain("dynamodb.UpdateItem({\n  Key: { pk: { S: 'order#1' } },");
    // Headlined and explained as a missing member, not as an unknown one that the SDK would drop.
    expect(message).toMatch(/^AWS call without params the operation requires: dynamodb\.UpdateItem\(/);
    expect(message).toContain(
      'The real service (or the SDK, before sending) refuses such a request, so it fails in production. ' +
        'Fix the code under test; or, if the model is wrong, turn validation off for this test:\n',
    );
    expect(message).not.toContain('drops unknown params');
    await expectRefused(dynamodb, UpdateItemCommand, without(updateItem, 'params', 'Key'), [
      'Key is missing, and the operation requires it: add Key: { /* Key */ } to the params.',
    ]);
  });

  test('BatchGetItem: RequestItems, and the Keys of each table’s request, named by table', async () => {
    await expectRefused(dynamodb, BatchGetItemCommand, without(batchGetItem, 'params', 'RequestItems'), [
      'RequestItems is missing, and the operation requires it: add RequestItems: { /* BatchGetRequestMap */ } to the params.',
    ]);
    await expectRefused(
      dynamodb,
      BatchGetItemCommand,
      without(batchGetItem, 'params', 'RequestItems', 'audit.log', 'Keys'),
      [
        "RequestItems['audit.log'].Keys is missing, and KeysAndAttributes requires it: add Keys: [/* KeyList */] to RequestItems['audit.log'].",
      ],
    );
  });

  test('BatchWriteItem: the Item of a put request and the Key of a delete request', async () => {
    await expectRefused(
      dynamodb,
      BatchWriteItemCommand,
      without(batchWriteItem, 'params', 'RequestItems', 'orders', 0, 'PutRequest', 'Item'),
      [
        "RequestItems['orders'][0].PutRequest.Item is missing, and PutRequest requires it: add Item: { /* PutItemInputAttributeMap */ } to RequestItems['orders'][0].PutRequest.",
      ],
    );
    await expectRefused(
      dynamodb,
      BatchWriteItemCommand,
      without(batchWriteItem, 'params', 'RequestItems', 'orders', 1, 'DeleteRequest', 'Key'),
      [
        "RequestItems['orders'][1].DeleteRequest.Key is missing, and DeleteRequest requires it: add Key: { /* Key */ } to RequestItems['orders'][1].DeleteRequest.",
      ],
    );
  });

  test('Query without TableName is refused; a misspelt member is named once, as misspelt', async () => {
    await expectRefused(dynamodb, QueryCommand, without(query, 'params', 'TableName'), [
      "TableName is missing, and the operation requires it: add TableName: '...' to the params.",
    ]);
    const misspelt = {
      ...query,
      params: { ...without(query, 'params', 'TableName').params, tableName: 'orders' },
    };
    await expectRefused(dynamodb, QueryCommand, misspelt, [
      "tableName is not a member of this input. Did you mean 'TableName'?",
    ]);
  });
});

const put = {
  service: 'dynamodb-document',
  operation: 'Put',
  params: { TableName: 'orders', Item: { pk: 'order#2', total: 12.5, lines: [{ sku: 'a', qty: 1 }] } },
};
const update = {
  service: 'dynamodb-document',
  operation: 'Update',
  params: {
    TableName: 'orders',
    Key: { pk: 'order#1' },
    UpdateExpression: 'SET #s = :s',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': 'shipped' },
  },
};
const get = {
  service: 'dynamodb-document',
  operation: 'Get',
  params: { TableName: 'orders', Key: { pk: 'order#1' } },
};
const batchGet = {
  service: 'dynamodb-document',
  operation: 'BatchGet',
  params: { RequestItems: { orders: { Keys: [{ pk: 'order#1' }, { pk: 'order#2' }] } } },
};
const transactWrite = {
  service: 'dynamodb-document',
  operation: 'TransactWrite',
  params: {
    TransactItems: [
      { Put: { TableName: 'orders', Item: { pk: 'order#3', Keys: 'a native attribute named Keys' } } },
      {
        Update: {
          TableName: 'stock',
          Key: { sku: 'a' },
          UpdateExpression: 'ADD qty :d',
          ExpressionAttributeValues: { ':d': -1 },
        },
      },
    ],
  },
};

describe('the DynamoDB document client: checked at its own level, with native values', () => {
  test('real-looking Put, Update, Get, BatchGet and TransactWrite calls are served', async () => {
    await expectServed(documents, PutCommand, put);
    await expectServed(documents, UpdateCommand, update);
    await expectServed(documents, GetCommand, { ...get, returns: { Item: { pk: 'order#1', total: 3 } } });
    await expectServed(documents, BatchGetCommand, batchGet);
    await expectServed(documents, TransactWriteCommand, transactWrite);
  });

  test('Put without TableName or Item, Update and Get without Key are refused', async () => {
    await expectRefused(documents, PutCommand, without(put, 'params', 'TableName'), [
      "TableName is missing, and the operation requires it: add TableName: '...' to the params.",
    ]);
    await expectRefused(documents, PutCommand, without(put, 'params', 'Item'), [
      'Item is missing, and the operation requires it: add Item: { /* PutItemInputAttributeMap */ } to the params.',
    ]);
    await expectRefused(documents, UpdateCommand, without(update, 'params', 'Key'), [
      'Key is missing, and the operation requires it: add Key: { /* Key */ } to the params.',
    ]);
    await expectRefused(documents, UpdateCommand, without(update, 'params', 'TableName'), [
      "TableName is missing, and the operation requires it: add TableName: '...' to the params.",
    ]);
    await expectRefused(documents, GetCommand, without(get, 'params', 'Key'), [
      'Key is missing, and the operation requires it: add Key: { /* Key */ } to the params.',
    ]);
  });

  test('nested requests too: the Keys of a BatchGet table, the TableName of a transaction’s Update', async () => {
    await expectRefused(
      documents,
      BatchGetCommand,
      without(batchGet, 'params', 'RequestItems', 'orders', 'Keys'),
      [
        "RequestItems['orders'].Keys is missing, and KeysAndAttributes requires it: add Keys: [/* KeyList */] to RequestItems['orders'].",
      ],
    );
    await expectRefused(
      documents,
      TransactWriteCommand,
      without(transactWrite, 'params', 'TransactItems', 1, 'Update', 'TableName'),
      [
        "TransactItems[1].Update.TableName is missing, and Update requires it: add TableName: '...' to TransactItems[1].Update.",
      ],
    );
  });
});
