// orders.unrecorded.ts after `TRIPWIRE_RECORD=1 npx jest examples/record-roundtrip/orders.unrecorded.ts` against
// dynalite and s3rver: the printed code pasted around the sandbox. It runs offline and strict.
import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { archiveOrder, orderClients } from './orders';

// #region recorded
// Recorded by ts-tripwire on 2026-12-02T20:09:43.946Z
// against:
//   dynamodb-document at http://127.0.0.1:37511 (@aws-sdk/lib-dynamodb 3.1162.0)
//   s3 at http://127.0.0.1:41373 (@aws-sdk/client-s3 3.1169.0)
// Note: $metadata and request ids are left to the mocks' defaults; ETags, page tokens, upload ids and creation/modification times are placeholders ("etag-1", token-1, upload-1, 2000-01-01T00:00:0Ns), the same wherever the recorded value appeared
test('archives an order', async () => {
  tripwire.aws.mockCall('dynamodb-document', 'Get', {
    returns: { Item: { id: 'o-1001', customer: 'c-7', total: 42.5, lines: [{ sku: 'pen', quantity: 3 }] } },
  });
  tripwire.aws.mockCall('s3', 'PutObject', { returns: { ETag: '"etag-1"' } });
  tripwire.aws.mockCall('dynamodb-document', 'Delete', { returns: {} });

  const key = await tripwire.run(() => archiveOrder(orderClients(), 'o-1001'));

  expect(key).toBe('archive/o-1001.json');
  tripwire.aws.assertAwsCall({
    service: 'dynamodb-document',
    operation: 'Get',
    params: { TableName: 'orders', Key: { id: 'o-1001' } },
  });
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'PutObject',
    params: {
      Bucket: 'order-archive',
      Key: 'archive/o-1001.json',
      Body: '{"id":"o-1001","customer":"c-7","total":42.5,"lines":[{"sku":"pen","quantity":3}]}',
    },
  });
  tripwire.aws.assertAwsCall({
    service: 'dynamodb-document',
    operation: 'Delete',
    params: { TableName: 'orders', Key: { id: 'o-1001' } },
  });
});
// #endregion recorded
