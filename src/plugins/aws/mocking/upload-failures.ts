import { abortExplanation, uploadFailure } from '../messages/upload-failures';

interface CallName {
  readonly serviceKey: string;
  readonly operation: string;
}

/**
 * lib-storage's `Upload` answers a failed part by calling AbortMultipartUpload and only then rethrowing the
 * part's error. When the abort is not mocked, its UnmockedInteractionError hides that error. This remembers,
 * per UploadId, the first failure of a multipart upload, so the abort's message can name it.
 */
export class UploadFailures {
  private readonly firstFailure = new Map<string, string>();

  noteRaised(name: CallName, params: unknown, error: unknown): void {
    if (name.operation === 'UploadPart' || name.operation === 'CompleteMultipartUpload') {
      this.note(params, uploadFailure.raised(name.operation, partNumberOf(params), error));
    }
  }

  noteOutput(name: CallName, params: unknown, output: Record<string, unknown>): void {
    if (name.operation === 'UploadPart' && name.serviceKey === 's3' && output.ETag === undefined) {
      this.note(params, uploadFailure.noETag(partNumberOf(params)));
    }
  }

  noteUnmocked(name: CallName, params: unknown): void {
    if (name.operation === 'UploadPart' || name.operation === 'CompleteMultipartUpload') {
      this.note(params, uploadFailure.unmocked(name.operation, partNumberOf(params)));
    }
  }

  /** Why Upload is aborting, for an unmocked AbortMultipartUpload; `undefined` when nothing failed before. */
  explainAbort(name: CallName, params: unknown): string | undefined {
    if (name.serviceKey !== 's3' || name.operation !== 'AbortMultipartUpload') return undefined;
    const failure = this.firstFailure.get(uploadIdOf(params) ?? '');
    return failure === undefined ? undefined : abortExplanation(failure);
  }

  private note(params: unknown, failure: string): void {
    const uploadId = uploadIdOf(params);
    if (uploadId !== undefined && !this.firstFailure.has(uploadId)) this.firstFailure.set(uploadId, failure);
  }
}

function uploadIdOf(params: unknown): string | undefined {
  const uploadId = (params as { UploadId?: unknown } | null)?.UploadId;
  return typeof uploadId === 'string' ? uploadId : undefined;
}

function partNumberOf(params: unknown): unknown {
  return (params as { PartNumber?: unknown } | null)?.PartNumber;
}
