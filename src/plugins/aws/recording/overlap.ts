/** When a captured call started and settled, on one recording's clock. */
export interface Span {
  readonly started: number;
  readonly settled: number | undefined;
}

/**
 * For spans in start order, the group of each: a span that starts before every earlier one of its group has
 * settled joins that group (the calls overlapped, so their order is not the code's to keep); else it starts
 * its own. A group is named by the index of its first span.
 */
export function overlapGroups(spans: readonly Span[]): number[] {
  const groups: number[] = [];
  let group = 0;
  let end = Number.NEGATIVE_INFINITY;
  spans.forEach((span, index) => {
    if (span.started > end) group = index;
    groups.push(group);
    end = Math.max(
      span.started > end ? Number.NEGATIVE_INFINITY : end,
      span.settled ?? Number.POSITIVE_INFINITY,
    );
  });
  return groups;
}
