import {
  UnassertedInteractionsError,
  UnusedMocksError,
  VerificationError,
  type ViolationSummary,
} from '../errors';
import type { Interaction, UnusedMock } from '../plugins/contract/plugin';
import { indented } from '../util/format';

export interface VerificationFindings {
  readonly unasserted: Interaction[];
  readonly unused: readonly UnusedMock[];
  readonly violations: readonly ViolationSummary[];
}

/** The error `verifyAll()` throws for what it found, or `undefined` when there is nothing to report. */
export function verificationError(findings: VerificationFindings): VerificationError | undefined {
  const { unasserted, unused, violations } = findings;
  const sections: string[] = [];
  if (violations.length > 0) sections.push(describeViolations(violations));
  if (unasserted.length > 0) sections.push(describeUnasserted(unasserted));
  if (unused.length > 0) sections.push(describeUnused(unused));
  if (sections.length === 0) return undefined;

  const payload = [
    unasserted.map((interaction) => interaction.plugin.summarize(interaction)),
    unused.map((mock) => mock.summary),
    [...violations],
  ] as const;
  const kinds = sections.length;
  const message = `${headline(findings, kinds)}\n\n${sections.join('\n\n')}`;
  if (kinds === 1 && unasserted.length > 0) return new UnassertedInteractionsError(message, ...payload);
  if (kinds === 1 && unused.length > 0) return new UnusedMocksError(message, ...payload);
  return new VerificationError(message, ...payload);
}

function headline({ unasserted, unused, violations }: VerificationFindings, kinds: number): string {
  if (kinds > 1) {
    const parts = [
      violations.length > 0 ? count(violations.length, 'violation') : '',
      unasserted.length > 0 ? count(unasserted.length, 'unasserted interaction') : '',
      unused.length > 0 ? count(unused.length, 'unused required mock') : '',
    ].filter(Boolean);
    return `Verification failed: ${parts.join(', ')}.`;
  }
  if (violations.length > 0)
    return `Verification failed: ${count(violations.length, 'violation')} during the test.`;
  if (unasserted.length > 0)
    return `Verification failed: ${count(unasserted.length, 'recorded interaction')} never asserted.`;
  return `Verification failed: ${count(unused.length, 'required mock')} never used.`;
}

// A report lists this many of each kind; the error's arrays hold them all. A test that made 200k calls and
// asserted none should get a readable message, not 40 MB of one.
const LISTED = 50;

function describeViolations(violations: readonly ViolationSummary[]): string {
  const lines = [
    'Violations (each was thrown into the code under test; it fails the test even if that code caught it):',
  ];
  violations.slice(0, LISTED).forEach((violation, index) => {
    lines.push(`${index + 1}. [${violation.kind}] ${indented(violation.message, '   ').trimStart()}`);
  });
  lines.push(...more(violations.length, 'violations'));
  return lines.join('\n');
}

function describeUnasserted(unasserted: Interaction[]): string {
  const listed = unasserted.slice(0, LISTED);
  return [
    'Unasserted interactions:',
    ...listed.map((interaction) =>
      indented(`#${interaction.sequence} ${interaction.plugin.formatInteraction(interaction)}`),
    ),
    ...more(unasserted.length, 'unasserted'),
    `Assert them after the sandbox, in this order${unasserted.length > LISTED ? ` (the first ${LISTED})` : ''}:`,
    ...listed.map((interaction) => indented(interaction.plugin.assertHint(interaction))),
  ].join('\n');
}

function describeUnused(unused: readonly UnusedMock[]): string {
  const advice = new Set(
    unused.map((mock) => mock.advice ?? 'Make the code under test call them, or remove them.'),
  );
  return [
    'Unused required mocks:',
    ...unused.slice(0, LISTED).map((mock) => indented(mock.description)),
    ...more(unused.length, 'unused'),
    ...advice,
  ].join('\n');
}

function more(total: number, arrayName: string): string[] {
  return total > LISTED
    ? [`  ... and ${total - LISTED} more (the error's \`${arrayName}\` array has them all)`]
    : [];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
