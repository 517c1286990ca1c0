import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { BAD_LABELS, badValue, checkCase, type Expectation, reportCounts } from './support';

reportCounts('assertion and send');

const pick = (label: string, table: Record<string, Expectation>, otherwise: Expectation): Expectation =>
  table[label] ?? otherwise;

/** A verifier with one recorded s3.GetObject({ Bucket: 'b', Key: 'k' }) left to assert. */
async function recorded(): Promise<StrictVerifier> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject');
  await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
  return verifier;
}

const NOT_A_CLASS =
  /assertAwsCall\(\) was given (an anonymous function|the class UserClass), which is not an AWS SDK v3 command class/;
const MISMATCH =
  /Assertion does not match the next recorded interaction, #1 s3\.GetObject\(\{ Bucket: 'b', Key: 'k' \}\)[\s\S]*To assert what was recorded:/;

describe('assertAwsCall', () => {
  test.each(BAD_LABELS)('assertAwsCall(%s)', (label) =>
    checkCase(
      async () => (await recorded()).aws.assertAwsCall(badValue(label) as never),
      pick(
        label,
        {
          function: NOT_A_CLASS,
          class: NOT_A_CLASS,
          'frozen object':
            /assertAwsCall\(\) needs service, operation, params[\s\S]*assertAwsCall\(\{ service: 's3'/,
          'circular object':
            /assertAwsCall\(\) has no field 'name'\. Fields: service, operation, params, raised\./,
          'throwing getter': /assertAwsCall\(\) has no field 'boom'/,
        },
        /assertAwsCall\(\) takes \{ service, operation, params \}, not .*: verifier\.aws\.assertAwsCall\(\{ service: 's3'/,
      ),
    ),
  );
  test.each(BAD_LABELS)('assertAwsCall({ service, operation, params: %s })', (label) =>
    checkCase(
      async () =>
        (await recorded()).aws.assertAwsCall({
          service: 's3',
          operation: 'GetObject',
          params: badValue(label),
        } as never),
      pick(
        label,
        {
          undefined: /assertAwsCall\(\) needs params[\s\S]*params: \{ Bucket: 'b', Key: 'k' \}/,
          'throwing getter':
            /params\.boom could not be read: reading boom threw Error: getter exploded\. Give params as plain data/,
          'throwing Proxy':
            /params could not be read: unreadable: Error: trap exploded\. Give params as plain data/,
        },
        MISMATCH,
      ),
    ),
  );
  test.each(BAD_LABELS)('assertAwsCall(GetObjectCommand, %s)', (label) =>
    checkCase(
      async () => (await recorded()).aws.assertAwsCall(GetObjectCommand, badValue(label) as never),
      pick(
        label,
        {
          'frozen object': /assertAwsCall\(GetObjectCommand, \.\.\.\) needs params/,
          'circular object': /assertAwsCall\(\) has no field 'name'/,
          'throwing getter': /assertAwsCall\(\) has no field 'boom'/,
          'cross-realm object':
            /assertAwsCall\(GetObjectCommand, \.\.\.\) takes \{ params, raised\? \} as its second argument, not an instance of Object/,
        },
        /assertAwsCall\(GetObjectCommand, \.\.\.\) takes \{ params, raised\? \} as its second argument, not /,
      ),
    ),
  );
  test.each(BAD_LABELS)('assertAwsCall(GetObjectCommand, { service: %s, params })', (label) =>
    checkCase(
      async () =>
        (await recorded()).aws.assertAwsCall(GetObjectCommand, {
          service: badValue(label),
          params: { Bucket: 'b', Key: 'k' },
        } as never),
      pick(
        label,
        { undefined: 'ok' },
        /asserts s3\.GetObject, but the assertion also says service: .*The class names the call/,
      ),
    ),
  );
  test.each(BAD_LABELS)('raised: %s for a call that did not raise', (label) =>
    checkCase(
      async () =>
        (await recorded()).aws.assertAwsCall({
          service: 's3',
          operation: 'GetObject',
          params: { Bucket: 'b', Key: 'k' },
          raised: badValue(label) as never,
        }),
      pick(label, { undefined: 'ok' }, /Differing fields:[\s\S]*raised: expected /),
    ),
  );
});

describe('send with bad input inside a sandbox', () => {
  test.each(BAD_LABELS)('send(%s)', (label) =>
    checkCase(async () => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', 'GetObject', { required: false });
      await verifier.run(() => new S3Client({}).send(badValue(label) as never));
    }, /S3Client\.send\(\) was given .*, not an AWS SDK v3 command: send\(new GetObjectCommand\(/),
  );
  // The SDK serialises whatever it is given; the mock serves it, and the recording says what could not be copied.
  test.each(BAD_LABELS)('send(new GetObjectCommand(%s)) with validation off', (label) =>
    checkCase(async () => {
      const verifier = new StrictVerifier();
      verifier.configure({ validate: false });
      verifier.aws.mockCall('s3', 'GetObject');
      await verifier.run(() => new S3Client({}).send(new GetObjectCommand(badValue(label) as never)));
    }, 'ok'),
  );
});
