import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { listKeys, ordersOf } from './paginators';

// #region list-objects
test('paginateListObjectsV2: one mock per page, one assertion per request', async () => {
  tripwire.aws.mockCall('s3', 'ListObjectsV2', {
    returns: {
      Contents: [{ Key: 'logs/1.gz' }, { Key: 'logs/2.gz' }],
      IsTruncated: true,
      NextContinuationToken: 't-2',
    },
  });
  tripwire.aws.mockCall('s3', 'ListObjectsV2', {
    returns: { Contents: [{ Key: 'logs/3.gz' }], IsTruncated: false }, // the last page: no token
  });

  const keys = await tripwire.run(() => listKeys('archive', 'logs/'));

  expect(keys).toEqual(['logs/1.gz', 'logs/2.gz', 'logs/3.gz']);
  // pageSize becomes MaxKeys. The first request has no token (the paginator sends it as undefined).
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'ListObjectsV2',
    params: { Bucket: 'archive', Prefix: 'logs/', MaxKeys: 100 },
  });
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'ListObjectsV2',
    params: { Bucket: 'archive', Prefix: 'logs/', MaxKeys: 100, ContinuationToken: 't-2' },
  });
});
// #endregion list-objects

// #region document-query
test('document client paginateQuery: native keys, ExclusiveStartKey on every page after the first', async () => {
  const first = { customerId: 'c-1', orderId: 'o-1', total: 30 };
  const second = { customerId: 'c-1', orderId: 'o-2', total: 12 };
  tripwire.aws.mockCall('dynamodb-document', 'Query', {
    returns: { Items: [first], LastEvaluatedKey: { customerId: 'c-1', orderId: 'o-1' } },
  });
  tripwire.aws.mockCall('dynamodb-document', 'Query', { returns: { Items: [second] } });

  const orders = await tripwire.run(() => ordersOf('c-1'));

  expect(orders).toEqual([first, second]);
  const query = {
    TableName: 'orders',
    KeyConditionExpression: 'customerId = :id',
    ExpressionAttributeValues: { ':id': 'c-1' },
  };
  tripwire.aws.assertAwsCall({ service: 'dynamodb-document', operation: 'Query', params: query });
  tripwire.aws.assertAwsCall({
    service: 'dynamodb-document',
    operation: 'Query',
    params: { ...query, ExclusiveStartKey: { customerId: 'c-1', orderId: 'o-1' } },
  });
});
// #endregion document-query
