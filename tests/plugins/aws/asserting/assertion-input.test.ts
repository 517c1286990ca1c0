import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { MissingAssertionFieldsError, StrictVerifier, TripwireConfigError } from 'ts-tripwire';
import { thrownBy } from '../../../support/rejection';

const PARAMS = { Bucket: 'b', Key: 'k' };

/** A verifier whose one recorded call is s3.GetObject(b/k). */
async function oneGet(): Promise<StrictVerifier> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject');
  await verifier.run(() => new S3Client({}).send(new GetObjectCommand(PARAMS)));
  return verifier;
}

describe('the plain form, assertAwsCall({ service, operation, params })', () => {
  test('a missing operation is filled into the example with one that works', async () => {
    const verifier = await oneGet();
    const error = thrownBy(() => verifier.aws.assertAwsCall({ service: 's3', params: PARAMS } as never));
    expect(error).toBeInstanceOf(MissingAssertionFieldsError);
    expect(error.message).toBe(
      'assertAwsCall() needs operation: every assertion names the service, the operation and the exact params.\n' +
        "  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });",
    );
  });

  test('a field whose getter throws is named, with the getter’s error', async () => {
    const verifier = await oneGet();
    const assertion = {
      service: 's3',
      operation: 'GetObject',
      get params(): never {
        throw new Error('not yet');
      },
    };
    expect(() => verifier.aws.assertAwsCall(assertion)).toThrow(
      new TripwireConfigError(
        'assertAwsCall(): reading params threw Error: not yet: give params as a plain value, not a getter or a Proxy.',
      ),
    );
  });

  test('a name that is not a string is refused with the plain form to write', async () => {
    const verifier = await oneGet();
    expect(() =>
      verifier.aws.assertAwsCall({ service: 's3', operation: 7 as never, params: PARAMS }),
    ).toThrow(
      new TripwireConfigError(
        "assertAwsCall() takes the service and the operation as strings, not the string 's3' and number 7: verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { /* ... */ } }).",
      ),
    );
  });
});

describe('the typed form beside a service or operation', () => {
  test('an operation that names another call of the same service is refused', async () => {
    const verifier = await oneGet();
    expect(() =>
      verifier.aws.assertAwsCall(GetObjectCommand, { operation: 'PutObject', params: PARAMS } as never),
    ).toThrow(
      new TripwireConfigError(
        "assertAwsCall(GetObjectCommand, ...) asserts s3.GetObject, but the assertion also says operation: the string 'PutObject'. The class names the call: drop service and operation, or assert with the plain form, assertAwsCall({ service, operation, params }).",
      ),
    );
  });

  test('a service and an operation that name another call are both quoted', async () => {
    const verifier = await oneGet();
    expect(() =>
      verifier.aws.assertAwsCall(GetObjectCommand, {
        service: 'sqs',
        operation: 'SendMessage',
        params: PARAMS,
      } as never),
    ).toThrow(
      "asserts s3.GetObject, but the assertion also says service: the string 'sqs' and operation: the string 'SendMessage'.",
    );
  });

  test('a service alone, or an operation alone, that agrees with the class is accepted', async () => {
    const alone = await oneGet();
    alone.aws.assertAwsCall(GetObjectCommand, { service: 's3', params: PARAMS } as never);
    alone.verifyAll();
    const operationAlone = await oneGet();
    operationAlone.aws.assertAwsCall(GetObjectCommand, { operation: 'GetObject', params: PARAMS } as never);
    operationAlone.verifyAll();
  });
});

describe('the typed form, assertAwsCall(GetObjectCommand, { params, raised? })', () => {
  test('a second argument that is not an assertion gets the form to write', async () => {
    const verifier = await oneGet();
    expect(() => verifier.aws.assertAwsCall(GetObjectCommand, 'k' as never)).toThrow(
      new TripwireConfigError(
        "assertAwsCall(GetObjectCommand, ...) takes { params, raised? } as its second argument, not the string 'k': verifier.aws.assertAwsCall(GetObjectCommand, { params: { /* ... */ } });",
      ),
    );
  });

  test('no params: the same form, as the missing field', async () => {
    const verifier = await oneGet();
    const error = thrownBy(() => verifier.aws.assertAwsCall(GetObjectCommand, {} as never));
    expect(error).toBeInstanceOf(MissingAssertionFieldsError);
    expect(error.message).toBe(
      'assertAwsCall(GetObjectCommand, ...) needs params: every assertion names the exact params.\n' +
        '  verifier.aws.assertAwsCall(GetObjectCommand, { params: { /* ... */ } });',
    );
  });

  test('an assertion whose keys cannot be listed (a Proxy) is refused with the reason', async () => {
    const verifier = await oneGet();
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    expect(() => verifier.aws.assertAwsCall(GetObjectCommand, proxy as never)).toThrow(
      new TripwireConfigError(
        'assertAwsCall(GetObjectCommand, ...): the assertion cannot be read (Error: no keys): give a plain object.',
      ),
    );
  });
});

describe('an assertion made only of wildcards', () => {
  test('with no call of that name recorded, the hint is the assertion to write with the exact params', async () => {
    const verifier = await oneGet();
    const error = thrownBy(() =>
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'PutObject',
        params: { Bucket: expect.anything(), Key: expect.anything() },
      }),
    );
    expect(error.message).toContain(
      "\n  verifier.aws.assertAwsCall({ service: 's3', operation: 'PutObject', params: { /* the exact params */ } });",
    );
  });
});

describe('a disposed verifier', () => {
  test('assertAwsCall() names itself in the refusal, also when taken from the verifier before', async () => {
    const verifier = await oneGet();
    const aws = verifier.aws;
    aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: PARAMS });
    verifier[Symbol.dispose]();
    expect(() => aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: PARAMS })).toThrow(
      /^assertAwsCall\(\) on a disposed verifier/,
    );
  });
});
