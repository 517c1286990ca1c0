/**
 * Small helpers shared by the fidelity suite. Only public entry points are imported here, because the same
 * files also run against an older SDK line whose `@aws-sdk/*` and `@smithy/*` imports are mapped elsewhere.
 */
import type { S3Client } from '@aws-sdk/client-s3';

/** An asymmetric matcher (as `expect.any`) for bytes with exactly this content, whatever their class. */
export function sameBytes(expected: Uint8Array): {
  asymmetricMatch(actual: unknown): boolean;
  toString(): string;
} {
  return {
    asymmetricMatch: (actual) =>
      actual instanceof Uint8Array && Buffer.from(actual).equals(Buffer.from(expected)),
    toString: () => `sameBytes(<${expected.length} bytes>)`,
  };
}

/** A buffer whose bytes depend on their position, so that two different slices never compare equal. */
export function patternedBytes(length: number): Buffer {
  const period = Buffer.from(Array.from({ length: 251 }, (_, index) => index));
  return Buffer.alloc(length, period);
}

export const MiB = 1024 * 1024;

/**
 * The `ChecksumAlgorithm` that lib-storage's `Upload` adds to `CreateMultipartUpload`: lines with the
 * `requestChecksumCalculation` setting (3.729 and later) add `CRC32` when it is `WHEN_SUPPORTED` (the
 * default); older lines add nothing. Mirrors lib-storage's own rule, so the assertion is exact on both.
 */
export async function addedChecksumAlgorithm(client: S3Client): Promise<{ ChecksumAlgorithm?: string }> {
  const setting = (client.config as { requestChecksumCalculation?: () => Promise<string> })
    .requestChecksumCalculation;
  if (typeof setting !== 'function') return {};
  return (await setting()) === 'WHEN_SUPPORTED' ? { ChecksumAlgorithm: 'CRC32' } : {};
}

/** Reads a web `ReadableStream` to text without depending on the SDK. */
export async function readWebStream(stream: unknown): Promise<string> {
  return new Response(stream as ReadableStream).text();
}
