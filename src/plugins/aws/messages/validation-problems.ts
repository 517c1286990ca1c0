import { describeValue } from '../../../util/describe-value';

/** Problems found against the service model, one per line under the message that names them. */
export function bulleted(problems: readonly string[]): string {
  return problems.map((problem) => `  - ${problem}`).join('\n');
}

/** A member whose value has the wrong kind: `Key must be a string, not 42.` */
export function wrongKindProblem(path: string, expected: string, value: unknown): string {
  return `${path} must be ${expected}, not ${describeValue(value)}.`;
}

/** A member the model does not have, with the closest real member's name when one is close. */
export function unknownMemberProblem(path: string, where: string, suggestion: string): string {
  return `${path} is not a member of this ${where}.${suggestion}`;
}

/** The part of a schema node that says what kind of value to send. */
export interface PlaceholderShape {
  isStructSchema(): boolean;
  isListSchema(): boolean;
  isMapSchema(): boolean;
  isStringSchema(): boolean;
  isNumericSchema(): boolean;
  isBooleanSchema(): boolean;
  isTimestampSchema(): boolean;
  isBlobSchema(): boolean;
  isStreaming(): boolean;
  isBigIntegerSchema(): boolean;
  isBigDecimalSchema(): boolean;
  getName?(): string | undefined;
  getSchema?(): unknown;
}

/**
 * A required member that is absent: `TableName is missing, and the operation requires it: add TableName: '...'
 * to the params.` `parentPath` is empty for a top-level member; `owner` names the structure that requires it.
 */
export function missingMemberProblem(
  missing: { path: string; parentPath: string; name: string },
  owner: string | undefined,
  member: PlaceholderShape,
  where: 'params' | 'output',
): string {
  const requirer =
    missing.parentPath === '' || owner === undefined
      ? `the ${where === 'params' ? 'operation' : 'output'}`
      : owner;
  const parent = missing.parentPath === '' ? `the ${where}` : missing.parentPath;
  return `${missing.path} is missing, and ${requirer} requires it: add ${missing.name}: ${placeholder(member)} to ${parent}.`;
}

/** A value of the member's kind to paste in, with the model's shape name where it helps. */
export function placeholder(member: PlaceholderShape): string {
  // Only a static schema (an array) carries a shape name; other nodes answer with the member's name.
  const shape = Array.isArray(member.getSchema?.()) ? member.getName?.() : undefined;
  const named = (open: string, close: string) =>
    shape === undefined ? `${open.trim()}${close.trim()}` : `${open}/* ${shape} */${close}`;
  if (member.isStreaming()) return "'...'";
  if (member.isBlobSchema()) return 'new Uint8Array()';
  if (member.isListSchema()) return named('[', ']');
  if (member.isMapSchema() || member.isStructSchema()) return named('{ ', ' }');
  if (member.isStringSchema()) return "'...'";
  if (member.isBooleanSchema()) return 'false';
  if (member.isTimestampSchema()) return 'new Date()';
  if (member.isNumericSchema() || member.isBigIntegerSchema() || member.isBigDecimalSchema()) return '0';
  return "'...'";
}

// The problem lists that name missing members, so the error's first line can say what is wrong.
const listsWithMissing = new WeakSet<readonly string[]>();
const listsWithUnknown = new WeakSet<readonly string[]>();

/** Notes which kinds of problem a list holds (it is built in sdk/validation.ts, worded in call-errors.ts). */
export function noteProblemKinds(problems: readonly string[], unknown: boolean, missing: boolean): void {
  if (unknown) listsWithUnknown.add(problems);
  if (missing) listsWithMissing.add(problems);
}

/**
 * The first line's wording and the consequence, for the InvalidParamsError of these problems: unknown params
 * the real SDK drops, missing ones the real service refuses, or both.
 */
export function invalidParamsWording(problems: readonly string[]): { headline: string; consequence: string } {
  const missing = listsWithMissing.has(problems);
  const unknown = listsWithUnknown.has(problems) || !missing;
  const dropped = 'The real SDK drops unknown params without a word';
  const refused = 'the real service (or the SDK, before sending) refuses a request that lacks a required one';
  if (!missing) {
    return {
      headline: 'AWS call with params the operation does not have',
      consequence: `${dropped}, and the request then fails or does the wrong thing in production.`,
    };
  }
  if (!unknown) {
    return {
      headline: 'AWS call without params the operation requires',
      consequence:
        'The real service (or the SDK, before sending) refuses such a request, so it fails in production.',
    };
  }
  return {
    headline: 'AWS call with params the operation does not have, and without params it requires',
    consequence: `${dropped}, and ${refused}: either way the request fails or does the wrong thing in production.`,
  };
}
