/**
 * Which calls the unmocked AbortMultipartUpload of lib-storage's `Upload` blames: the first failure of that
 * multipart upload (a raised or unmocked part or completion, a part without ETag), matched by UploadId.
 * End to end with a real `Upload` in tests/fidelity/upload.test.ts; here, each rule on its own.
 */
import { describe, expect, test } from '@jest/globals';
import { UploadFailures } from '../../../../src/plugins/aws/mocking/upload-failures';

const s3 = (operation: string) => ({ serviceKey: 's3', operation });
const ABORT = s3('AbortMultipartUpload');
const upload = (UploadId: unknown, PartNumber?: number) => ({ Bucket: 'b', Key: 'k', UploadId, PartNumber });

/** The failure the abort of upload `u-1` is blamed on, or `undefined`. */
const blamed = (failures: UploadFailures) =>
  /because (.*)\. That is the error/.exec(failures.explainAbort(ABORT, upload('u-1')) ?? '')?.[1];

describe('UploadFailures', () => {
  test('a part or completion that raised, had no mock, or a part that returned no ETag is blamed', () => {
    const cases: [string, (failures: UploadFailures) => void][] = [
      [
        's3.UploadPart (PartNumber 2) raised SlowDown: slow',
        (f) =>
          f.noteRaised(
            s3('UploadPart'),
            upload('u-1', 2),
            Object.assign(new Error('slow'), { name: 'SlowDown' }),
          ),
      ],
      [
        's3.CompleteMultipartUpload raised InternalError: oops',
        (f) =>
          f.noteRaised(
            s3('CompleteMultipartUpload'),
            upload('u-1'),
            Object.assign(new Error('oops'), { name: 'InternalError' }),
          ),
      ],
      ['s3.UploadPart (PartNumber 1) had no mock', (f) => f.noteUnmocked(s3('UploadPart'), upload('u-1', 1))],
      [
        's3.CompleteMultipartUpload had no mock',
        (f) => f.noteUnmocked(s3('CompleteMultipartUpload'), upload('u-1')),
      ],
      [
        "s3.UploadPart (PartNumber 3) returned no ETag, so Upload failed with 'Part 3 is missing ETag'",
        (f) => f.noteOutput(s3('UploadPart'), upload('u-1', 3), {}),
      ],
    ];
    for (const [expected, fail] of cases) {
      const failures = new UploadFailures();
      fail(failures);
      expect(blamed(failures)).toBe(expected);
    }
  });

  test('other calls, other services, a part with its ETag and an UploadId that is no string are not', () => {
    const failures = new UploadFailures();
    const error = new Error('no');
    failures.noteRaised(s3('PutObject'), upload('u-1'), error);
    failures.noteUnmocked(s3('PutObject'), upload('u-1'));
    failures.noteOutput(s3('PutObject'), upload('u-1'), {});
    failures.noteOutput({ serviceKey: 'glacier', operation: 'UploadPart' }, upload('u-1', 1), {});
    failures.noteOutput(s3('UploadPart'), upload('u-1', 1), { ETag: '"e1"' });
    failures.noteRaised(s3('UploadPart'), upload(7, 1), error);
    failures.noteRaised(s3('UploadPart'), null, error);
    failures.noteUnmocked(s3('UploadPart'), null);
    expect(blamed(failures)).toBeUndefined();
    expect(failures.explainAbort(ABORT, upload(7))).toBeUndefined();
    expect(failures.explainAbort(ABORT, null)).toBeUndefined();
  });

  test('the first failure of an upload is the one blamed, and only on that upload, by S3 AbortMultipartUpload', () => {
    const failures = new UploadFailures();
    failures.noteUnmocked(s3('UploadPart'), upload('u-1', 1));
    failures.noteUnmocked(s3('UploadPart'), upload('u-1', 2));
    failures.noteUnmocked(s3('UploadPart'), upload('u-2', 5));
    expect(blamed(failures)).toBe('s3.UploadPart (PartNumber 1) had no mock');
    expect(failures.explainAbort(ABORT, upload('u-2'))).toContain('s3.UploadPart (PartNumber 5) had no mock');
    expect(failures.explainAbort(ABORT, upload('u-3'))).toBeUndefined();
    expect(failures.explainAbort(s3('ListParts'), upload('u-1'))).toBeUndefined();
    expect(
      failures.explainAbort({ serviceKey: 'glacier', operation: 'AbortMultipartUpload' }, upload('u-1')),
    ).toBeUndefined();
  });
});
