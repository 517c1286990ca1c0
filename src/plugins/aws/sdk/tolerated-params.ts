import type { CallName } from './call-info';
import { operationModelByName } from './service-model';
import { memberNames } from './validation';

// lib-storage's Upload passes every PutObject param to the multipart calls (and to PutObjectTagging), which
// drop those they lack.
const MULTIPART_OPERATIONS = new Set([
  'PutObjectTagging',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
]);
let putObjectParams: ReadonlySet<string> | undefined;

/** Params an SDK helper passes on purpose that the operation lacks: PutObject's, on lib-storage's calls. */
export function toleratedParams(name: CallName): ReadonlySet<string> | undefined {
  if (name.serviceKey !== 's3' || !MULTIPART_OPERATIONS.has(name.operation)) return undefined;
  if (putObjectParams === undefined) {
    const model = operationModelByName('s3', 'PutObject');
    if (model === undefined) return undefined;
    putObjectParams = memberNames(model.input);
  }
  return putObjectParams;
}
