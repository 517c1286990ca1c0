import { formatValue } from '../../verifier/format';

/** `s3.GetObject({ Bucket: 'b', Key: 'k' })` */
export function formatCall(service: string, operation: string, params: unknown): string {
  return `${service}.${operation}(${formatValue(params ?? {})})`;
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
  if (raised instanceof Error) return raised.name;
  return typeof raised === 'string' ? raised : String(raised);
}

export function describeRaised(raised: unknown): string {
  if (!(raised instanceof Error)) return formatValue(raised);
  return raised.message === '' || raised.message === raised.name
    ? raised.name
    : `${raised.name}: ${raised.message}`;
}
