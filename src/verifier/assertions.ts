import { InteractionMismatchError, MissingAssertionFieldsError } from '../errors';
import type { Interaction, Plugin } from '../plugins/contract/plugin';
import { formatValue, indented } from '../util/format';
import type { FieldMismatch } from '../util/matching';
import { type AnyOrderBlock, fullyMatches } from './any-order-block';
import type { Timeline } from './timeline';

const TIMELINE_LINES_SHOWN = 10;

type Expected = unknown;

/**
 * Consumes the interaction an assertion names: the next unasserted one in strict order or, inside an
 * `inAnyOrder` block, one the block can give it. Throws with the differing fields and the remaining
 * timeline otherwise.
 */
export function assertInteraction(
  timeline: Timeline,
  plugin: Plugin,
  expected: Expected,
  block: AnyOrderBlock | undefined,
): void {
  if (block === undefined) assertNext(timeline, plugin, expected);
  else if (!block.add(plugin, expected)) throw anyOrderFailure(timeline, plugin, expected, block);
}

function assertNext(timeline: Timeline, plugin: Plugin, expected: Expected): void {
  const candidate = timeline.next();
  if (candidate === undefined) throw noCandidate(timeline.unasserted(), plugin, expected, false);
  if (candidate.plugin !== plugin) {
    throw new InteractionMismatchError(
      [
        `The next recorded interaction is not ${/^[aeiou]/i.test(plugin.name) ? 'an' : 'a'} ${plugin.name} call: #${candidate.sequence} ${candidate.plugin.formatInteraction(candidate)}`,
        ...remainingTimeline(timeline.unasserted()),
        'Assert it first:',
        indented(candidate.plugin.assertHint(candidate)),
      ].join('\n'),
    );
  }
  const mismatches = plugin.matchFields(candidate, expected);
  if (mismatches.length > 0) {
    throw new InteractionMismatchError(
      [
        `Assertion does not match the next recorded interaction, #${candidate.sequence} ${plugin.formatInteraction(candidate)}`,
        ...describeMismatches(mismatches),
        ...remainingTimeline(timeline.unasserted()),
        'To assert what was recorded:',
        indented(plugin.assertHint(candidate)),
      ].join('\n'),
    );
  }
  if (plugin.missingFields(candidate, expected).length > 0)
    throw missingFieldsError(plugin, candidate, expected);
  timeline.markAsserted(candidate);
}

/**
 * Why an assertion cannot join its block: every interaction it fully matches is needed by the block's
 * other assertions; or one matches but for a field it leaves out; or none matches.
 */
function anyOrderFailure(
  timeline: Timeline,
  plugin: Plugin,
  expected: Expected,
  block: AnyOrderBlock,
): Error {
  const unasserted = timeline.unasserted();
  const free = unasserted.filter((interaction) => !block.isClaimed(interaction.sequence - 1));
  const leftOut = (interaction: Interaction) =>
    interaction.plugin === plugin &&
    plugin.matchFields(interaction, expected).length === 0 &&
    plugin.missingFields(interaction, expected).length > 0;
  const incomplete = free.find(leftOut);
  if (incomplete !== undefined) return missingFieldsError(plugin, incomplete, expected);
  const taken = unasserted.filter((interaction) => fullyMatches(interaction, plugin, expected));
  if (taken.length > 0) return takenError(free, taken, plugin, expected, block);
  const claimedIncomplete = unasserted.find(leftOut);
  if (claimedIncomplete !== undefined) return missingFieldsError(plugin, claimedIncomplete, expected);
  return noCandidate(free, plugin, expected, true);
}

function takenError(
  free: Interaction[],
  taken: Interaction[],
  plugin: Plugin,
  expected: Expected,
  block: AnyOrderBlock,
): InteractionMismatchError {
  const lines = [
    `No unasserted interaction is left for this assertion (in any order): ${plugin.formatExpected(expected)}`,
    'The interactions it matches are all needed by the other assertions of the inAnyOrder block:',
    ...taken.slice(0, TIMELINE_LINES_SHOWN).map((interaction) => {
      const holder = block.claimant(interaction.sequence - 1);
      const by =
        holder === undefined
          ? 'another open inAnyOrder block'
          : holder.plugin.formatExpected(holder.expected);
      return indented(`#${interaction.sequence} ${plugin.formatInteraction(interaction)}, matched by ${by}`);
    }),
    'Each assertion needs an interaction of its own: the code made fewer of these calls than the block asserts.',
  ];
  return new InteractionMismatchError([...lines, ...closestAndHint(free, plugin, expected)].join('\n'));
}

function missingFieldsError(plugin: Plugin, candidate: Interaction, expected: Expected): Error {
  const missing = plugin.missingFields(candidate, expected);
  return new MissingAssertionFieldsError(
    [
      `The assertion leaves out ${missing.join(', ')}, which #${candidate.sequence} recorded: ${plugin.formatInteraction(candidate)}`,
      'Every recorded field must be asserted. Assert it as:',
      indented(plugin.assertHint(candidate)),
    ].join('\n'),
  );
}

function noCandidate(
  remaining: Interaction[],
  plugin: Plugin,
  expected: Expected,
  anyOrder: boolean,
): InteractionMismatchError {
  if (remaining.length === 0) {
    return new InteractionMismatchError(
      [
        `No unasserted interaction is left to match this assertion: ${plugin.formatExpected(expected)}`,
        anyOrder
          ? 'Every recorded interaction is asserted or matched by another assertion of this inAnyOrder block: the code under test made fewer calls than the test expects.'
          : 'Every recorded interaction has already been asserted: the code under test made fewer calls than the test expects.',
        'Remove this assertion, or register a mock and make the code under test make the call.',
      ].join('\n'),
    );
  }
  return new InteractionMismatchError(
    [
      `No unasserted interaction matches this assertion${anyOrder ? ' (in any order)' : ''}: ${plugin.formatExpected(expected)}`,
      ...closestAndHint(remaining, plugin, expected),
    ].join('\n'),
  );
}

/** The closest remaining interaction and how it differs, the remaining timeline, and a paste-ready hint. */
function closestAndHint(remaining: Interaction[], plugin: Plugin, expected: Expected): string[] {
  const closest = closestCandidate(remaining, plugin, expected);
  const lines: string[] = [];
  if (closest !== undefined) {
    lines.push(
      `Closest: #${closest.interaction.sequence} ${plugin.formatInteraction(closest.interaction)}`,
      ...describeMismatches(closest.mismatches),
    );
  }
  lines.push(...remainingTimeline(remaining));
  const next = closest?.interaction ?? remaining[0];
  if (next !== undefined) lines.push('To assert what was recorded:', indented(next.plugin.assertHint(next)));
  return lines;
}

function closestCandidate(
  remaining: Interaction[],
  plugin: Plugin,
  expected: Expected,
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

function remainingTimeline(remaining: Interaction[]): string[] {
  if (remaining.length === 0) return ['Unasserted timeline: (empty)'];
  const shown = remaining
    .slice(0, TIMELINE_LINES_SHOWN)
    .map((interaction) =>
      indented(`#${interaction.sequence} ${interaction.plugin.formatInteraction(interaction)}`),
    );
  const hidden = remaining.length - shown.length;
  return ['Unasserted timeline (next first):', ...shown, ...(hidden > 0 ? [`  ... and ${hidden} more`] : [])];
}
