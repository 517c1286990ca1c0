'use strict';
/**
 * The calls the throughput benchmark makes, and how each contender mocks them. Every contender drives
 * the same loop: build a command, `await client.send(command)`, look at the output.
 */
const { Readable } = require('node:stream');

const BUCKET = 'bench-bucket';
const TABLE = 'bench-table';
const BODY_TEXT = 'hello from the benchmark';
const BODY_BYTES = Buffer.from(BODY_TEXT, 'utf8');

const GET_OUTPUT = { ContentType: 'text/plain', ContentLength: 24, ETag: '"0123456789abcdef"' };
const PUT_OUTPUT = {};

let sdkStreamMixin;

/** A fresh SDK stream per call, the way the SDK returns a real `Body` (one-shot, with transformToString). */
function freshBody() {
  sdkStreamMixin ??= require('@smithy/core/serde').sdkStreamMixin;
  return sdkStreamMixin(Readable.from([BODY_BYTES]));
}

function s3() {
  const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
  return { ClientClass: S3Client, Command: GetObjectCommand, client: new S3Client({}) };
}

function documentClient() {
  const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return { ClientClass: DynamoDBDocumentClient, Command: PutCommand, client };
}

const scenarios = {
  'get-object': {
    title: 'S3 GetObject',
    sdk: s3,
    input: (i) => ({ Bucket: BUCKET, Key: `key-${i}` }),
    tripwire: { service: 's3', operation: 'GetObject', returns: GET_OUTPUT },
    incumbent: (mock, sdk) => mock.on(sdk.Command).resolves(GET_OUTPUT),
    floorOutput: () => GET_OUTPUT,
    check: (output) => output.ETag === GET_OUTPUT.ETag,
  },
  'document-put': {
    title: 'DynamoDB document Put',
    sdk: documentClient,
    input: (i) => ({
      TableName: TABLE,
      Item: { pk: `user#${i}`, sk: 'profile', visits: i, tags: ['a', 'b'] },
    }),
    tripwire: { service: 'dynamodb-document', operation: 'Put', returns: PUT_OUTPUT },
    incumbent: (mock, sdk) => mock.on(sdk.Command).resolves(PUT_OUTPUT),
    floorOutput: () => PUT_OUTPUT,
    check: (output) => output !== undefined,
  },
  // The Body is read (transformToString) on every call: a stream nobody reads is not what tests do.
  'streaming-body': {
    title: 'S3 GetObject, Body read',
    sdk: s3,
    input: (i) => ({ Bucket: BUCKET, Key: `key-${i}` }),
    tripwire: { service: 's3', operation: 'GetObject', returns: { ...GET_OUTPUT, Body: BODY_TEXT } },
    incumbent: (mock, sdk) => mock.on(sdk.Command).callsFake(() => ({ ...GET_OUTPUT, Body: freshBody() })),
    floorOutput: () => ({ ...GET_OUTPUT, Body: freshBody() }),
    readBody: true,
    check: (output, text) => text === BODY_TEXT && output.ETag === GET_OUTPUT.ETag,
  },
};

module.exports = { scenarios };
