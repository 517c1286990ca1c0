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
