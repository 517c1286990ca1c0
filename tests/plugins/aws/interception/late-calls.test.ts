import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { PostSandboxInteractionError, StrictVerifier, type VerificationError } from 'ts-tripwire';
import { LoopbackServer } from '../../../support/loopback-server';
import { rejectionOf } from '../../../support/rejection';

// Work started inside a sandbox that calls AWS after `run` has settled: API.md §3. Every client points at a
// loopback server, so a call that escaped would be seen there.
const server = new LoopbackServer();
let s3: S3Client;

beforeAll(async () => {
  s3 = new S3Client({ endpoint: await server.start(), forcePathStyle: true, maxAttempts: 1 });
});
afterEach(() => {
  server.requests.length = 0;
});
afterAll(() => server.stop());

const getObject = (Key: string) => s3.send(new GetObjectCommand({ Bucket: 'b', Key }));

/** A promise of the late call's outcome, whichever way the work started inside the sandbox delivers it. */
function deferred(): { promise: Promise<unknown>; settle: (call: Promise<unknown>) => void } {
  let settle: (call: Promise<unknown>) => void = () => {};
  const promise = new Promise<unknown>((resolve) => {
    settle = resolve;
  }).then((call) => call);
  return { promise, settle };
}

function verificationOf(verifier: StrictVerifier): VerificationError {
  try {
    verifier.verifyAll();
  } catch (error) {
    return error as VerificationError;
  }
  throw new Error('verifyAll() passed');
}

const lateWork: Array<[string, (call: () => void) => void]> = [
  ['a timer', (call) => setTimeout(call, 10)],
  ['a promise chain', (call) => void sleep(10).then(call)],
  [
    'an event emitter driven by a timer',
    (call) => {
      const emitter = new EventEmitter();
      emitter.on('tick', call);
      setTimeout(() => emitter.emit('tick'), 10);
    },
  ],
];

describe('calls made after the sandbox settled, from work started inside it', () => {
  test.each(lateWork)(
    'from %s: refused, remembered, and never sent, with a mock still queued',
    async (_, start) => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', 'GetObject', { times: 2 });
      const late = deferred();
      await verifier.run(async () => {
        await getObject('k');
        start(() => late.settle(getObject('late')));
      });

      const error = await rejectionOf(late.promise);
      expect(error).toBeInstanceOf(PostSandboxInteractionError);
      expect(error.message).toContain("s3.GetObject({ Bucket: 'b', Key: 'late' })");
      expect(server.requests).toEqual([]);

      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'k' },
      });
      const verification = verificationOf(verifier);
      expect(verification.violations).toEqual([
        expect.objectContaining({ kind: 'post-sandbox', params: { Bucket: 'b', Key: 'late' } }),
      ]);
      // The second queued mock was not used by the late call.
      expect(verification.unused).toHaveLength(1);
    },
  );

  test('while a sandbox of another verifier is open, the late call is still the first verifier’s', async () => {
    const first = new StrictVerifier();
    const other = new StrictVerifier();
    other.aws.mockCall('s3', 'GetObject', { required: false });
    const late = deferred();
    await first.run(() => {
      setTimeout(() => late.settle(getObject('late')), 10);
    });
    const outcome = rejectionOf(late.promise);
    await other.run(() => sleep(30));
    expect(await outcome).toBeInstanceOf(PostSandboxInteractionError);
    expect(server.requests).toEqual([]);
    expect(verificationOf(first).violations).toEqual([expect.objectContaining({ kind: 'post-sandbox' })]);
    other.verifyAll();
  });

  test('after verifyAll() it is still refused, and reported as a process warning', async () => {
    const verifier = new StrictVerifier();
    const late = deferred();
    await verifier.run(() => {
      setTimeout(() => late.settle(getObject('late')), 10);
    });
    verifier.verifyAll();
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});

    try {
      expect(await rejectionOf(late.promise)).toBeInstanceOf(PostSandboxInteractionError);
      expect(emitWarning).toHaveBeenCalledTimes(1);
      const [message, options] = emitWarning.mock.calls[0]!;
      expect(options).toEqual({ type: 'TripwireWarning', code: 'TRIPWIRE_LATE_CALL' });
      expect(message).toMatch(
        /^A call was refused after this verifier's verifyAll\(\), so it cannot fail that test:\nAWS call after the sandbox closed: s3\.GetObject\(\{ Bucket: 'b', Key: 'late' \}\)\n/,
      );
    } finally {
      emitWarning.mockRestore();
    }
    expect(server.requests).toEqual([]);
  });

  test('a call that does not come from sandbox work behaves as without the library', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    await verifier.run(() => getObject('k'));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    verifier.verifyAll();

    const outside = await rejectionOf(getObject('outside'));
    expect(outside).not.toBeInstanceOf(PostSandboxInteractionError);
    expect(outside).toMatchObject({ $metadata: { httpStatusCode: 500 } });
    expect(server.requests.map((request) => request.url)).toEqual(['/b/outside?x-id=GetObject']);
  });
});
