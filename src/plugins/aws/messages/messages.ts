import { TripwireConfigError } from '../../../errors';
import { describeValue } from '../../../util/describe-value';
import { formatValue } from '../../../util/format';
import { isError } from '../../../util/is-error';

/** `s3.GetObject({ Bucket: 'b', Key: 'k' })` */
export function formatCall(service: string, operation: string, params: unknown): string {
  return `${service}.${operation}(${formatValue(params === undefined ? {} : params)})`;
}

/** A ready-to-paste registration for a call. */
export function mockHint(verifier: string, service: string, operation: string): string {
  return `${verifier}.aws.mockCall('${service}', '${operation}', { returns: { /* ${operation}CommandOutput */ } });`;
}

/** A ready-to-paste assertion built from the recorded values. */
export function assertHint(
  verifier: string,
  service: string,
  operation: string,
  params: unknown,
  raised: unknown,
): string {
  const fields: Record<string, unknown> = { service, operation, params: params ?? {} };
  if (raised !== undefined) fields.raised = raisedName(raised);
  return `${verifier}.aws.assertAwsCall(${formatValue(fields, '')});`;
}

function raisedName(raised: unknown): string {
  if (isError(raised)) return raised.name;
  return typeof raised === 'string' ? raised : String(raised);
}

export function describeRaised(raised: unknown): string {
  if (!isError(raised)) return formatValue(raised);
  return raised.message === '' || raised.message === raised.name
    ? raised.name
    : `${raised.name}: ${raised.message}`;
}

/** The environment variable that acknowledges a number of SDK copies the project cannot dedupe. */
export const ACKNOWLEDGE_COPIES = 'TRIPWIRE_SDK_COPIES';

/** Said once per process when clients are built on several copies of the SDK's base client. */
export function severalCopiesWarning(files: readonly string[]): string {
  return (
    `ts-tripwire: ${files.length} copies of the AWS SDK's base client are loaded; calls through each are intercepted.\n` +
    files.map((file) => `  ${file}`).join('\n') +
    '\nClients built on different copies have different error classes, so `instanceof` checks can fail between them. ' +
    'Align the @aws-sdk/* versions and run `npm dedupe` to load one copy.\n' +
    `If the copies cannot be deduplicated, acknowledge them to silence this warning: ${ACKNOWLEDGE_COPIES}=${files.length}`
  );
}

/** A `raises` function gave something other than an error: the call rejects with this instead. */
export function raisesFunctionError(name: { service: string; operation: string }, produced: unknown): Error {
  return new TripwireConfigError(
    `The raises function for ${name.service}.${name.operation} returned ${describeValue(produced)}; it must return an Error, ` +
      "which the call then rejects with: raises: (params) => new Error('...'). To fail with a service error, give its code: raises: 'NoSuchKey'.",
  );
}
