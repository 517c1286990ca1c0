import { describe, expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { type Document, DocumentAlreadyExistsError, DocumentRepository } from './document-repository';

const spec: Document = { id: 'doc-1', ownerId: 'ada', title: 'Spec', tags: ['draft', 'v2'] };
const notes: Document = { id: 'doc-2', ownerId: 'ada', title: 'Notes', tags: [] };

// The document client is its own service: native JS values in and out, no { S: ... } attribute maps.
describe('DocumentRepository', () => {
  test('save writes the item only if its id is new', async () => {
    tripwire.aws.mockCall('dynamodb-document', 'Put');

    await tripwire.run(() => new DocumentRepository('documents').save(spec));

    tripwire.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Put',
      params: { TableName: 'documents', Item: spec, ConditionExpression: 'attribute_not_exists(id)' },
    });
  });

  test('save turns a failed condition into DocumentAlreadyExistsError', async () => {
    tripwire.aws.mockCall('dynamodb-document', 'Put', { raises: 'ConditionalCheckFailedException' });

    const saving = tripwire.run(() => new DocumentRepository('documents').save(spec));

    await expect(saving).rejects.toBeInstanceOf(DocumentAlreadyExistsError);
    await expect(saving).rejects.toThrow('Document doc-1 already exists');
    tripwire.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Put',
      params: { TableName: 'documents', Item: spec, ConditionExpression: 'attribute_not_exists(id)' },
      raised: 'ConditionalCheckFailedException',
    });
  });

  test('findById returns the item, or undefined when there is none', async () => {
    tripwire.aws.mockCall('dynamodb-document', 'Get', { returns: { Item: spec } });
    tripwire.aws.mockCall('dynamodb-document', 'Get', { returns: {} });
    const repository = new DocumentRepository('documents');

    const [found, missing] = await tripwire.run(async () => [
      await repository.findById('doc-1'),
      await repository.findById('doc-404'),
    ]);

    expect(found).toEqual(spec);
    expect(missing).toBeUndefined();
    const get = { service: 'dynamodb-document', operation: 'Get' };
    tripwire.aws.assertAwsCall({ ...get, params: { TableName: 'documents', Key: { id: 'doc-1' } } });
    tripwire.aws.assertAwsCall({ ...get, params: { TableName: 'documents', Key: { id: 'doc-404' } } });
  });

  test("listByOwner queries the owner index and returns the owner's documents", async () => {
    tripwire.aws.mockCall('dynamodb-document', 'Query', { returns: { Items: [spec, notes], Count: 2 } });

    const documents = await tripwire.run(() => new DocumentRepository('documents').listByOwner('ada'));

    expect(documents.map((document) => document.title)).toEqual(['Spec', 'Notes']);
    tripwire.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Query',
      params: {
        TableName: 'documents',
        IndexName: 'byOwner',
        KeyConditionExpression: 'ownerId = :owner',
        ExpressionAttributeValues: { ':owner': 'ada' },
      },
    });
  });
});
