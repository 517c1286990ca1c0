/**
 * The loaded client packages and the one a client class belongs to (client-packages.ts), with one copy of each
 * package loaded. Two copies of one package: client-packages-copies.test.ts (latest line only).
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { Client } from '@smithy/core/client';
import {
  clientPackage,
  loadedClientPackages,
  type NamedClientPackage,
} from '../../../../src/plugins/aws/sdk/client-packages';

// The packages are loaded by these imports, as the code under test finds them in a real project.
void [S3Client, SQSClient, DynamoDBDocumentClient];

function loaded(packageName: string): NamedClientPackage {
  const found = loadedClientPackages().filter((candidate) => candidate.packageName === packageName);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('loadedClientPackages', () => {
  test('the same array while no module is loaded, so callers can cache what they derive from it', () => {
    const packages = loadedClientPackages();
    expect(loadedClientPackages()).toBe(packages);
  });

  test('lib-dynamodb is the document service, not a service named after its folder', () => {
    const document = loaded('lib-dynamodb');
    expect(document.serviceKey).toBe('dynamodbdocument');
    expect(clientPackage('dynamodbdocument')).toBe(document);
  });
});

describe('clientPackage', () => {
  test('given the client class, the loaded package that exports it, with its folder name', () => {
    const own = clientPackage('s3', S3Client);
    expect(own).toBe(loaded('client-s3'));
    expect(own?.packageName).toBe('client-s3');
  });

  test('given a class no loaded package exports (the base Client): the one loaded package of the service', () => {
    expect(clientPackage('sqs', Client)).toBe(loaded('client-sqs'));
  });
});
