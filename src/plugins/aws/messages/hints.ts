import { formatValue } from '../../../util/format';
import { isError } from '../../../util/is-error';
import { withJsonMatchers } from '../../../util/json-in-hints';

/** The plugin methods that name a call by service and operation. */
export type AwsMethod = 'mockCall' | 'assertAwsCall';

/** `tripwire.aws.mockCall(...)`: code calling the AWS plugin, as every message shows it (`hintName` is `tripwire` or `verifier`). */
export function awsCode(hintName: string, method: AwsMethod, args: string): string {
  return `${hintName}.aws.${method}(${args})`;
}

/** `tripwire.configure(...)`, `tripwire.run(...)`: code calling the verifier itself. */
export function verifierCode(hintName: string, method: 'configure' | 'run', args: string): string {
  return `${hintName}.${method}(${args})`;
}

/** A ready-to-paste registration for a call. */
export function mockHint(hintName: string, service: string, operation: string): string {
  return `${awsCode(hintName, 'mockCall', `'${service}', '${operation}', { returns: { /* ${operation}CommandOutput */ } }`)};`;
}

/** A ready-to-paste assertion built from the recorded values, JSON payloads as `tripwire.json(...)`. */
export function assertHint(
  hintName: string,
  service: string,
  operation: string,
  params: unknown,
  raised: unknown,
): string {
  const fields: Record<string, unknown> = { service, operation, params: withJsonMatchers(params ?? {}) };
  if (raised !== undefined) fields.raised = raisedName(raised);
  return `${awsCode(hintName, 'assertAwsCall', formatValue(fields, ''))};`;
}

function raisedName(raised: unknown): string {
  if (isError(raised)) return raised.name;
  return typeof raised === 'string' ? raised : String(raised);
}

/** An assertion of the plain form whose `params` the user fills in. */
export function exactParamsHint(hintName: string, service: string, operation: string): string {
  return `${awsCode(hintName, 'assertAwsCall', `{ service: '${service}', operation: '${operation}', params: { /* the exact params */ } }`)};`;
}

/** An assertion of the plain form, `{ service, operation, params }` given as written. */
export function plainAssertionHint(hintName: string, assertion: string): string {
  return `${awsCode(hintName, 'assertAwsCall', assertion)};`;
}

/** `mockCall(GetObjectCommand, { returns: ... })` or `assertAwsCall(GetObjectCommand, { params: ... })`. */
export function typedFormCode(hintName: string, method: AwsMethod, operation: string): string {
  const spec = method === 'mockCall' ? '{ returns: { /* ... */ } }' : '{ params: { /* ... */ } }';
  return awsCode(hintName, method, `${operation}Command, ${spec}`);
}

/** The string form with S3's GetObject, its spec or params left for the user to fill in (`{ ... }` when `short`). */
export function stringFormCode(hintName: string, method: AwsMethod, short: boolean): string {
  const body = short ? '{ ... }' : '{ /* ... */ }';
  const args =
    method === 'mockCall'
      ? `'s3', 'GetObject', ${short ? body : `{ returns: ${body} }`}`
      : `{ service: 's3', operation: 'GetObject', params: ${body} }`;
  return awsCode(hintName, method, args);
}

/** Service-model validation off, for a test where the model is wrong. */
export function validationOffHint(hintName: string): string {
  return `${verifierCode(hintName, 'configure', '{ validate: false }')};`;
}

/** `await tripwire.run(async () => <body>);` */
export function runHint(hintName: string, body: string): string {
  return `await ${verifierCode(hintName, 'run', `async () => ${body}`)};`;
}
