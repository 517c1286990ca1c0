import type { Interaction, Plugin } from '../plugins/plugin';
import { InteractionMismatchError, MissingAssertionFieldsError } from './errors';
import { formatValue, indented } from './format';
import type { FieldMismatch } from './matching';
import type { Timeline } from './timeline';

const TIMELINE_LINES_SHOWN = 10;

/**
 * Consumes the interaction an assertion names: the next unasserted one in strict order, or the first
 * matching one under `inAnyOrder`. Throws with the differing fields and the remaining timeline otherwise.
 */
export function assertInteraction(
  timeline: Timeline,
  plugin: Plugin,
  expected: Readonly<Record<string, unknown>>,
  anyOrder: boolean,
): void {
  const candidate = anyOrder
    ? timeline.find((interaction) => matches(plugin, interaction, expected), plugin.expectedKey?.(expected))
    : timeline.next();
  if (candidate === undefined) {
    throw noCandidate(timeline, plugin, expected, anyOrder);
  }
  const mismatches = candidate.plugin === plugin ? plugin.matchFields(candidate, expected) : [];
  if (candidate.plugin !== plugin) {
    throw new InteractionMismatchError(
      [
        `The next recorded interaction is not a ${plugin.name} call: #${candidate.sequence} ${candidate.plugin.formatInteraction(candidate)}`,
        ...remainingTimeline(timeline),
        'Assert it first:',
        indented(candidate.plugin.assertHint(candidate)),
      ].join('\n'),
    );
  }
  if (mismatches.length > 0) {
    throw new InteractionMismatchError(
      [
        `Assertion does not match the next recorded interaction, #${candidate.sequence} ${plugin.formatInteraction(candidate)}`,
        ...describeMismatches(mismatches),
        ...remainingTimeline(timeline),
        'To assert what was recorded:',
        indented(plugin.assertHint(candidate)),
      ].join('\n'),
    );
  }
  const missing = plugin.missingFields(candidate, expected);
  if (missing.length > 0) {
    throw new MissingAssertionFieldsError(
      [
        `The assertion leaves out ${missing.join(', ')}, which #${candidate.sequence} recorded: ${plugin.formatInteraction(candidate)}`,
        'Every recorded field must be asserted. Assert it as:',
        indented(plugin.assertHint(candidate)),
      ].join('\n'),
    );
  }
  timeline.markAsserted(candidate);
}

function matches(
  plugin: Plugin,
  interaction: Interaction,
  expected: Readonly<Record<string, unknown>>,
): boolean {
  return interaction.plugin === plugin && plugin.matchFields(interaction, expected).length === 0;
}

function noCandidate(
  timeline: Timeline,
  plugin: Plugin,
  expected: Readonly<Record<string, unknown>>,
  anyOrder: boolean,
): InteractionMismatchError {
  const remaining = timeline.unasserted();
  if (remaining.length === 0) {
    return new InteractionMismatchError(
      [
        `No unasserted interaction is left to match this assertion: ${plugin.formatExpected(expected)}`,
        'Every recorded interaction has already been asserted: the code under test made fewer calls than the test expects.',
        'Remove this assertion, or register a mock and make the code under test make the call.',
      ].join('\n'),
    );
  }
  const closest = closestCandidate(remaining, plugin, expected);
  const lines = [
    `No unasserted interaction matches this assertion${anyOrder ? ' (in any order)' : ''}: ${plugin.formatExpected(expected)}`,
  ];
  if (closest !== undefined) {
    lines.push(
      `Closest: #${closest.interaction.sequence} ${plugin.formatInteraction(closest.interaction)}`,
      ...describeMismatches(closest.mismatches),
    );
  }
  lines.push(...remainingTimeline(timeline));
  const next = closest?.interaction ?? remaining[0]!;
  lines.push('To assert what was recorded:', indented(next.plugin.assertHint(next)));
  return new InteractionMismatchError(lines.join('\n'));
}

function closestCandidate(
  remaining: Interaction[],
  plugin: Plugin,
  expected: Readonly<Record<string, unknown>>,
): { interaction: Interaction; mismatches: FieldMismatch[] } | undefined {
  let best: { interaction: Interaction; mismatches: FieldMismatch[] } | undefined;
  for (const interaction of remaining) {
    if (interaction.plugin !== plugin) continue;
    const mismatches = plugin.matchFields(interaction, expected);
    if (best === undefined || mismatches.length < best.mismatches.length) best = { interaction, mismatches };
  }
  return best;
}

function describeMismatches(mismatches: FieldMismatch[]): string[] {
  return [
    'Differing fields:',
    ...mismatches.map(
      ({ path, expected, actual }) =>
        `  ${path}: expected ${formatValue(expected, '    ')}, actual ${formatValue(actual, '    ')}`,
    ),
  ];
}

function remainingTimeline(timeline: Timeline): string[] {
  const remaining = timeline.unasserted();
  if (remaining.length === 0) return ['Unasserted timeline: (empty)'];
  const shown = remaining
    .slice(0, TIMELINE_LINES_SHOWN)
    .map((interaction) =>
      indented(`#${interaction.sequence} ${interaction.plugin.formatInteraction(interaction)}`),
    );
  const hidden = remaining.length - shown.length;
  return ['Unasserted timeline (next first):', ...shown, ...(hidden > 0 ? [`  ... and ${hidden} more`] : [])];
}
