import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { InteractionMismatchError } from 'ts-tripwire';
import { KeyValueClient } from './key-value-client';
import { kvVerifier, thrownBy } from './kv-verifier';
import { cachedReport } from './report-cache';

/** A cache miss: kv.get, then s3.GetObject, then kv.set, recorded on one timeline. */
async function missThenFill() {
  const verifier = kvVerifier();
  verifier.kv.mockCall('get');
  verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: 'a,b' } });
  verifier.kv.mockCall('set');
  const text = await verifier.run(() => cachedReport(new S3Client({}), new KeyValueClient(), 'daily.csv'));
  return { verifier, text };
}

describe('a third-party plugin shares the verifier timeline with the AWS plugin', () => {
  // #region one-timeline
  test('strict order across both plugins passes when asserted as the calls were made', async () => {
    const { verifier, text } = await missThenFill();
    expect(text).toBe('a,b');
    verifier.kv.assertCall({ method: 'get', key: 'report:daily.csv' });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'reports', Key: 'daily.csv' },
    });
    verifier.kv.assertCall({ method: 'set', key: 'report:daily.csv', value: 'a,b' });
    expect(() => verifier.verifyAll()).not.toThrow();
  });
  // #endregion one-timeline

  test("an AWS assertion while a kv call is next fails, naming that call and its plugin's hint", async () => {
    const { verifier } = await missThenFill();
    const error = thrownBy(() =>
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'reports', Key: 'daily.csv' },
      }),
    );
    expect(error).toBeInstanceOf(InteractionMismatchError);
    expect(error.message).toBe(
      [
        "The next recorded interaction is not an aws call: #1 kv.get('report:daily.csv')",
        'Unasserted timeline (next first):',
        "  #1 kv.get('report:daily.csv')",
        "  #2 s3.GetObject({ Bucket: 'reports', Key: 'daily.csv' })",
        "  #3 kv.set('report:daily.csv', 'a,b')",
        'Assert it first:',
        "  verifier.kv.assertCall({ method: 'get', key: 'report:daily.csv' });",
      ].join('\n'),
    );
  });

  test('a kv assertion while an AWS call is next fails, naming that call and the AWS hint', async () => {
    const { verifier } = await missThenFill();
    verifier.kv.assertCall({ method: 'get', key: 'report:daily.csv' });
    const error = thrownBy(() =>
      verifier.kv.assertCall({ method: 'set', key: 'report:daily.csv', value: 'a,b' }),
    );
    expect(error).toBeInstanceOf(InteractionMismatchError);
    expect(error.message).toBe(
      [
        "The next recorded interaction is not a kv call: #2 s3.GetObject({ Bucket: 'reports', Key: 'daily.csv' })",
        'Unasserted timeline (next first):',
        "  #2 s3.GetObject({ Bucket: 'reports', Key: 'daily.csv' })",
        "  #3 kv.set('report:daily.csv', 'a,b')",
        'Assert it first:',
        "  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'reports', Key: 'daily.csv' } });",
      ].join('\n'),
    );
  });

  test('inAnyOrder matches assertions of both plugins against the calls of both, in any order', async () => {
    const { verifier } = await missThenFill();
    verifier.inAnyOrder(() => {
      verifier.kv.assertCall({ method: 'set', key: 'report:daily.csv', value: 'a,b' });
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'reports', Key: 'daily.csv' },
      });
      verifier.kv.assertCall({ method: 'get', key: verifier.ANY });
    });
    expect(() => verifier.verifyAll()).not.toThrow();
  });

  test('inAnyOrder: a kv assertion no call matches reports the closest kv call and the whole timeline', async () => {
    const { verifier } = await missThenFill();
    const error = thrownBy(() =>
      verifier.inAnyOrder(() =>
        verifier.kv.assertCall({ method: 'set', key: 'report:daily.csv', value: 'b,a' }),
      ),
    );
    expect(error).toBeInstanceOf(InteractionMismatchError);
    expect(error.message).toBe(
      [
        "No unasserted interaction matches this assertion (in any order): kv.set('report:daily.csv', 'b,a')",
        "Closest: #3 kv.set('report:daily.csv', 'a,b')",
        'Differing fields:',
        "  value: expected 'b,a', actual 'a,b'",
        'Unasserted timeline (next first):',
        "  #1 kv.get('report:daily.csv')",
        "  #2 s3.GetObject({ Bucket: 'reports', Key: 'daily.csv' })",
        "  #3 kv.set('report:daily.csv', 'a,b')",
        'To assert what was recorded:',
        "  verifier.kv.assertCall({ method: 'set', key: 'report:daily.csv', value: 'a,b' });",
      ].join('\n'),
    );
  });

  test('a mismatch report lists the differing kv fields and the remaining timeline of both plugins', async () => {
    const { verifier } = await missThenFill();
    const error = thrownBy(() =>
      verifier.kv.assertCall({ method: 'set', key: 'report:weekly.csv', value: 'a,b' }),
    );
    expect(error).toBeInstanceOf(InteractionMismatchError);
    expect(error.message).toBe(
      [
        "Assertion does not match the next recorded interaction, #1 kv.get('report:daily.csv')",
        'Differing fields:',
        "  method: expected 'set', actual 'get'",
        "  key: expected 'report:weekly.csv', actual 'report:daily.csv'",
        "  value: expected 'a,b', actual <absent>",
        'Unasserted timeline (next first):',
        "  #1 kv.get('report:daily.csv')",
        "  #2 s3.GetObject({ Bucket: 'reports', Key: 'daily.csv' })",
        "  #3 kv.set('report:daily.csv', 'a,b')",
        'To assert what was recorded:',
        "  verifier.kv.assertCall({ method: 'get', key: 'report:daily.csv' });",
      ].join('\n'),
    );
  });

  test('a failed assertion consumes nothing: the timeline is asserted in order afterwards', async () => {
    const { verifier } = await missThenFill();
    expect(() => verifier.kv.assertCall({ method: 'get', key: 'report:other.csv' })).toThrow(
      InteractionMismatchError,
    );
    verifier.kv.assertCall({ method: 'get', key: 'report:daily.csv' });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'reports', Key: 'daily.csv' },
    });
    verifier.kv.assertCall({ method: 'set', key: 'report:daily.csv', value: 'a,b' });
    expect(() => verifier.verifyAll()).not.toThrow();
  });
});
