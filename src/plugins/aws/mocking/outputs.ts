import { Readable } from 'node:stream';
import { copyData, isPlainObject } from '../../../util/values';
import type { BaseClientCopy } from '../interception/sdk-copies';
import { streamForBlobError } from '../messages/registration-errors';
import type { PayloadMembers } from '../sdk/payload-members';
import { requestId } from '../sdk/sdk-errors';
import { toPlainBytes, toSdkBlob, toSdkStream } from '../sdk/sdk-streams';

/**
 * What a mocked `send` resolves to: a fresh deep copy of the registered output (the code under test may
 * mutate it), stream and blob members as the SDK's own types, and `$metadata` filled in.
 */
export function buildOutput(
  registered: unknown,
  members: PayloadMembers,
  copy: BaseClientCopy | undefined,
): Record<string, unknown> {
  const output: Record<string, unknown> = isPlainObject(registered) ? copyData(registered) : {};
  for (let index = 0; index < members.length; index++) {
    const { name, kind } = members[index]!;
    const value = output[name];
    if (value === undefined) continue;
    if (kind !== 'stream' && value instanceof Readable) {
      throw streamForBlobError(name);
    }
    output[name] =
      kind === 'stream'
        ? toSdkStream(value, copy)
        : kind === 'blob'
          ? toSdkBlob(value, copy)
          : toPlainBytes(value);
  }
  const given = output.$metadata;
  const metadata: Record<string, unknown> = {
    httpStatusCode: 200,
    requestId: requestId(),
    attempts: 1,
    totalRetryDelay: 0,
  };
  if (isPlainObject(given)) Object.assign(metadata, given);
  output.$metadata = metadata;
  return output;
}
