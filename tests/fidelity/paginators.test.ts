/**
 * Paginators call `client.send` once per page and reuse one input object, writing the next token into it.
 * Under ts-tripwire each page must be its own recorded call with the params as they were when it was sent.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type ListObjectsV2CommandInput, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';

describe('paginators: one recorded call per page, each with its own params snapshot', () => {
  test('paginateListObjectsV2 over three pages', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'ListObjectsV2', {
      returns: {
        Contents: [{ Key: 'p/1' }, { Key: 'p/2' }],
        IsTruncated: true,
        NextContinuationToken: 'tok-2',
      },
    });
    verifier.aws.mockCall('s3', 'ListObjectsV2', {
      returns: { Contents: [{ Key: 'p/3' }], IsTruncated: true, NextContinuationToken: 'tok-3' },
    });
    verifier.aws.mockCall('s3', 'ListObjectsV2', {
      returns: { Contents: [{ Key: 'p/4' }], IsTruncated: false, KeyCount: 1 },
    });
    const input: ListObjectsV2CommandInput = { Bucket: 'bucket', Prefix: 'p/' };

    const pages = await verifier.run(async () => {
      const seen: Array<{ keys: string[]; status: number | undefined }> = [];
      for await (const page of paginateListObjectsV2({ client: new S3Client({}), pageSize: 2 }, input)) {
        seen.push({
          keys: (page.Contents ?? []).map((object) => object.Key!),
          status: page.$metadata.httpStatusCode,
        });
      }
      return seen;
    });

    expect(pages).toEqual([
      { keys: ['p/1', 'p/2'], status: 200 },
      { keys: ['p/3'], status: 200 },
      { keys: ['p/4'], status: 200 },
    ]);
    // The paginator wrote every token into the caller's one input object...
    expect(input).toEqual({ Bucket: 'bucket', Prefix: 'p/', MaxKeys: 2, ContinuationToken: 'tok-3' });
    // ...but each recorded call kept the params it was sent with.
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'bucket', Prefix: 'p/', MaxKeys: 2 },
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'bucket', Prefix: 'p/', MaxKeys: 2, ContinuationToken: 'tok-2' },
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'bucket', Prefix: 'p/', MaxKeys: 2, ContinuationToken: 'tok-3' },
    });
    verifier.verifyAll();
  });

  test('the paginator stops where the mocks say it ends: a fourth page would be an unmocked call', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'ListObjectsV2', {
      returns: { Contents: [{ Key: 'a' }], IsTruncated: true, NextContinuationToken: 'next' },
    });
    const error = await verifier.run(async () => {
      try {
        for await (const _page of paginateListObjectsV2({ client: new S3Client({}) }, { Bucket: 'bucket' })) {
          // consume every page
        }
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    });
    expect(error?.name).toBe('UnmockedInteractionError');
    expect(error?.message).toContain("s3.ListObjectsV2({ Bucket: 'bucket', ContinuationToken: 'next' })");
    verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'bucket' } });
    expect(() => verifier.verifyAll()).toThrow(/Unmocked AWS call: s3\.ListObjectsV2/);
  });

  test('lib-dynamodb paginateQuery: native keys, ExclusiveStartKey per page, recorded as dynamodb-document', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Query', {
      returns: {
        Items: [
          { pk: 'user#1', sk: 1, tags: new Set(['a']) },
          { pk: 'user#1', sk: 2 },
        ],
        Count: 2,
        LastEvaluatedKey: { pk: 'user#1', sk: 2 },
      },
    });
    verifier.aws.mockCall('dynamodb-document', 'Query', {
      returns: { Items: [{ pk: 'user#1', sk: 3 }], Count: 1, LastEvaluatedKey: { pk: 'user#1', sk: 3 } },
    });
    verifier.aws.mockCall('dynamodb-document', 'Query', { returns: { Items: [], Count: 0 } });
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const input: QueryCommandInput = {
      TableName: 'events',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'user#1' },
    };

    const items = await verifier.run(async () => {
      const found: unknown[] = [];
      for await (const page of paginateQuery({ client: documents, pageSize: 2 }, input)) {
        found.push(...(page.Items ?? []));
      }
      return found;
    });

    expect(items).toEqual([
      { pk: 'user#1', sk: 1, tags: new Set(['a']) },
      { pk: 'user#1', sk: 2 },
      { pk: 'user#1', sk: 3 },
    ]);
    expect(input.ExclusiveStartKey).toEqual({ pk: 'user#1', sk: 3 });
    const base = {
      TableName: 'events',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'user#1' },
      Limit: 2,
    };
    verifier.aws.assertAwsCall({ service: 'dynamodb-document', operation: 'Query', params: base });
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Query',
      params: { ...base, ExclusiveStartKey: { pk: 'user#1', sk: 2 } },
    });
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Query',
      params: { ...base, ExclusiveStartKey: { pk: 'user#1', sk: 3 } },
    });
    verifier.verifyAll();
  });

  test('a recorded snapshot does not follow later mutation of a token object the code keeps', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Query', {
      returns: { Items: [{ pk: 'a' }], LastEvaluatedKey: { pk: 'a' } },
    });
    verifier.aws.mockCall('dynamodb-document', 'Query', { returns: { Items: [] } });
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const startKey: Record<string, unknown> = { pk: 'start' };

    await verifier.run(async () => {
      // startingToken, not input.ExclusiveStartKey: 3.6xx paginators ignore a token in the input.
      for await (const page of paginateQuery(
        { client: documents, startingToken: startKey },
        { TableName: 't' },
      )) {
        // Code under test that reuses and mutates key objects after each page.
        startKey.pk = 'mutated';
        if (page.LastEvaluatedKey) page.LastEvaluatedKey.pk = 'mutated too';
      }
    });

    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Query',
      params: { TableName: 't', ExclusiveStartKey: { pk: 'start' } },
    });
    // The paginator reads the page's LastEvaluatedKey after the loop body mutated it: that is what was sent.
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Query',
      params: { TableName: 't', ExclusiveStartKey: { pk: 'mutated too' } },
    });
    verifier.verifyAll();
  });
});
