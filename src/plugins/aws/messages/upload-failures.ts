import { describeRaised } from './call-text';

/** The failures that make lib-storage's `Upload` abort a multipart upload, as the abort's message names them. */
export const uploadFailure = {
  raised: (operation: string, partNumber: unknown, error: unknown): string =>
    `s3.${operation}${partOf(partNumber)} raised ${describeRaised(error)}`,
  noETag: (partNumber: unknown): string =>
    `s3.UploadPart${partOf(partNumber)} returned no ETag, so Upload failed with 'Part ${String(partNumber)} is missing ETag'`,
  unmocked: (operation: string, partNumber: unknown): string =>
    `s3.${operation}${partOf(partNumber)} had no mock`,
};

/** Added to an unmocked AbortMultipartUpload's message: the failure it hides. */
export function abortExplanation(failure: string): string {
  return (
    `lib-storage's Upload is aborting this multipart upload because ${failure}. ` +
    'That is the error the code under test gets once the abort is mocked; without a mock, this error hides it.'
  );
}

function partOf(partNumber: unknown): string {
  return partNumber === undefined ? '' : ` (PartNumber ${String(partNumber)})`;
}
