import { formatValue } from '../../../util/format';
import { isError } from '../../../util/is-error';

/** `s3.GetObject({ Bucket: 'b', Key: 'k' })` */
export function formatCall(service: string, operation: string, params: unknown): string {
  return `${service}.${operation}(${formatValue(params === undefined ? {} : params)})`;
}

/** A recorded call, with what it raised when it failed. */
export function formatRecordedCall(
  service: string,
  operation: string,
  params: unknown,
  raised: unknown,
): string {
  const call = formatCall(service, operation, params);
  return raised === undefined ? call : `${call} raised ${describeRaised(raised)}`;
}

/** An expected call, with the `raised` it names when it names one. */
export function formatExpectedCall(expected: {
  service: string;
  operation: string;
  params: unknown;
  raised?: unknown;
}): string {
  const call = formatCall(expected.service, expected.operation, expected.params);
  return 'raised' in expected ? `${call} raised ${formatValue(expected.raised)}` : call;
}

export function describeRaised(raised: unknown): string {
  if (!isError(raised)) return formatValue(raised);
  return raised.message === '' || raised.message === raised.name
    ? raised.name
    : `${raised.name}: ${raised.message}`;
}
