import { indented, quote } from '../../../util/format';
import { awsCode } from '../messages/hints';
import type { CallName } from '../sdk/call-info';
import type { LiteralValues } from './literal-values';

/** A command class the typed form names, and the package its import comes from. */
export interface TypedName {
  readonly className: string;
  readonly from: string;
}

/** `tripwire.aws.mockCall('s3', 'GetObject', { returns: ... });` or `mockCall(GetObjectCommand, { ... })`. */
export function mockStatement(
  hintName: string,
  name: CallName,
  spec: Record<string, unknown>,
  typed: TypedName | undefined,
  values: LiteralValues,
): string {
  const target = typed === undefined ? `${quote(name.service)}, ${quote(name.operation)}` : typed.className;
  const column = awsCode(hintName, 'mockCall', `${target}, `).length - 1;
  return `${awsCode(hintName, 'mockCall', `${target}, ${values.format(spec, column)}`)};`;
}

/**
 * The assertion of a call: the messages' paste-ready hint (`assertAwsCall({ service, operation, params, raised })`),
 * laid out for the whole line, or its typed form (`assertAwsCall(GetObjectCommand, { params, raised })`).
 */
export function assertStatement(
  hintName: string,
  name: CallName,
  params: unknown,
  raised: string | undefined,
  typed: TypedName | undefined,
  values: LiteralValues,
): string {
  const fields: Record<string, unknown> =
    typed === undefined
      ? { service: name.service, operation: name.operation, params: params ?? {} }
      : { params: params ?? {} };
  if (raised !== undefined) fields.raised = raised;
  const target = typed === undefined ? '' : `${typed.className}, `;
  const column = awsCode(hintName, 'assertAwsCall', target).length - 1;
  return `${awsCode(hintName, 'assertAwsCall', `${target}${values.format(fields, column)}`)};`;
}

/** Assertions of calls that overlapped in time: one `inAnyOrder` block, or the one assertion as it is. */
export function anyOrderStatement(hintName: string, assertions: readonly string[]): string {
  if (assertions.length === 1) return assertions[0]!;
  return `${hintName}.inAnyOrder(() => {\n${indented(assertions.join('\n'))}\n});`;
}
