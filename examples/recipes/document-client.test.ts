import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { getShow, reserveSeat } from './document-client';

// #region native-values
test('Get: native values in the mock and in the assertion, no { S: ... } maps', async () => {
  const hamlet = {
    showId: 's-1',
    title: 'Hamlet',
    tags: new Set(['drama']),
    prices: { stalls: 45, circle: 30 },
  };
  tripwire.aws.mockCall('dynamodb-document', 'Get', { returns: { Item: hamlet } });

  const show = await tripwire.run(() => getShow('s-1'));

  expect(show).toEqual(hamlet);
  // One call, recorded once: as dynamodb-document Get, never also as dynamodb GetItem.
  tripwire.aws.assertAwsCall({
    service: 'dynamodb-document',
    operation: 'Get',
    params: { TableName: 'shows', Key: { showId: 's-1' } },
  });
});
// #endregion native-values

// #region condition-failed
test('Put: a failed condition is client-dynamodb’s ConditionalCheckFailedException', async () => {
  tripwire.aws.mockCall(PutCommand); // the typed form: lib-dynamodb's PutCommand
  tripwire.aws.mockCall(PutCommand, { raises: 'ConditionalCheckFailedException' });

  const [first, second] = await tripwire.run(async () => [
    await reserveSeat('s-1', 'A7', 'ada'),
    await reserveSeat('s-1', 'A7', 'bob'),
  ]);

  expect([first, second]).toEqual([true, false]); // the code's instanceof branch ran for bob
  const put = (userId: string) => ({
    TableName: 'seats',
    Item: { showId: 's-1', seat: 'A7', userId },
    ConditionExpression: 'attribute_not_exists(seat)',
  });
  tripwire.aws.assertAwsCall(PutCommand, { params: put('ada') });
  tripwire.aws.assertAwsCall(PutCommand, { params: put('bob'), raised: 'ConditionalCheckFailedException' });
});
// #endregion condition-failed
