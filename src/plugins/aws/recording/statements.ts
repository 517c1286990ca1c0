import { indented, quote } from '../../../util/format';
import { assertHint, awsCode } from '../messages/hints';
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

/** The assertion of a call, as the messages' paste-ready hint writes it, or its typed form. */
export function assertStatement(
  hintName: string,
  name: CallName,
  params: unknown,
  raised: string | undefined,
  typed: TypedName | undefined,
  values: LiteralValues,
): string {
  if (typed === undefined) {
    return values.restore(assertHint(hintName, name.service, name.operation, values.prepare(params), raised));
  }
  const fields: Record<string, unknown> = { params: params ?? {} };
  if (raised !== undefined) fields.raised = raised;
  const column = awsCode(hintName, 'assertAwsCall', `${typed.className}, `).length - 1;
  return `${awsCode(hintName, 'assertAwsCall', `${typed.className}, ${values.format(fields, column)}`)};`;
}

/** Assertions of calls that overlapped in time: one `inAnyOrder` block, or the one assertion as it is. */
export function anyOrderStatement(hintName: string, assertions: readonly string[]): string {
  if (assertions.length === 1) return assertions[0]!;
  return `${hintName}.inAnyOrder(() => {\n${indented(assertions.join('\n'))}\n});`;
}
