import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { AssertionInsideSandboxError, StrictVerifier, VerificationError } from 'ts-tripwire';
import { rejectionOf } from '../support/rejection';

const s3 = new S3Client({});
const get = (Key: string) => s3.send(new GetObjectCommand({ Bucket: 'b', Key }));

function verificationOf(verifier: StrictVerifier): VerificationError {
  try {
    verifier.verifyAll();
  } catch (error) {
    return error as VerificationError;
  }
  throw new Error('verifyAll() passed');
}

describe("verifyAll()'s report", () => {
  test('with every kind of problem, the headline counts each, and each section follows', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    verifier.aws.mockCall('s3', 'PutObject');
    await verifier.run(async () => {
      await get('k');
      await rejectionOf(s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'unmocked' })));
    });
    const error = verificationOf(verifier);
    expect(error.constructor).toBe(VerificationError);
    const [headline, , violations] = error.message.split('\n');
    expect(headline).toBe(
      'Verification failed: 1 violation, 1 unasserted interaction, 1 unused required mock.',
    );
    expect(violations).toBe(
      'Violations (each was thrown into the code under test; it fails the test even if that code caught it):',
    );
    expect(error.message).toContain(
      "\n\nUnasserted interactions:\n  #1 s3.GetObject({ Bucket: 'b', Key: 'k' })",
    );
    expect(error.message).toContain('\n\nUnused required mocks:\n  s3.PutObject, registered at ');
  });

  test('lists 50 interactions: the 50th is listed, a 51st is counted', async () => {
    for (const calls of [50, 51]) {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', 'GetObject', { times: calls });
      await verifier.run(async () => {
        for (let index = 1; index <= calls; index++) await get(`k${index}`);
      });
      const { message } = verificationOf(verifier);
      const more = calls > 50;
      expect(message.includes("  ... and 1 more (the error's `unasserted` array has them all)")).toBe(more);
      expect(message.includes('Assert them after the sandbox, in this order (the first 50):')).toBe(more);
      expect(message.includes('Assert them after the sandbox, in this order:')).toBe(!more);
      expect(message).toContain("#50 s3.GetObject({ Bucket: 'b', Key: 'k50' })");
      expect(message).not.toContain('#51 s3.GetObject');
    }
  });
});

describe('using a verifier while its sandbox is open', () => {
  test('asserting says to move it after the sandbox, with the code to write', async () => {
    const verifier = new StrictVerifier();
    const error = await verifier.run(() => {
      try {
        verifier.verifyAll();
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    });
    expect(error).toBeInstanceOf(AssertionInsideSandboxError);
    expect(error?.message).toBe(
      [
        'verifyAll() while a sandbox of this verifier is still open. Move it after the sandbox:',
        '  await verifier.run(async () => { /* code under test */ });',
        '  // assertions and verifyAll() here, once run() has settled',
      ].join('\n'),
    );
  });

  test('disposing it inside its own sandbox releases it without verifying', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    await verifier.run(() => {
      expect(() => verifier[Symbol.dispose]()).not.toThrow();
    });
    expect(() => verifier.aws).toThrow('aws on a disposed verifier');
  });
});
