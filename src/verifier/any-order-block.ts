import type { Interaction, Plugin } from '../plugins/contract/plugin';
import { canonicalKey } from '../util/canonical';
import type { Timeline } from './timeline';

type Expected = unknown;

/** Kept small, as a block may hold hundreds of thousands: its key is computed again when a search needs it. */
interface BlockAssertion {
  readonly plugin: Plugin;
  readonly expected: Expected;
  /** Its candidates may be any unasserted interaction, not only those of its key. */
  readonly scanAll: boolean;
}

/** An assertion being placed: its candidates are its key's interactions, or all of them without a key. */
interface Search {
  readonly plugin: Plugin;
  readonly expected: Expected;
  readonly key: string | undefined;
}

/** Candidate positions, and how far a search has gone through them. */
interface CandidateList {
  readonly positions: readonly number[];
  next: number;
}

/** Whether an interaction satisfies an assertion completely: no field differs and none is left out. */
export function fullyMatches(interaction: Interaction, plugin: Plugin, expected: Expected): boolean {
  return (
    interaction.plugin === plugin &&
    plugin.matchFields(interaction, expected).length === 0 &&
    plugin.missingFields(interaction, expected).length === 0
  );
}

/**
 * The assertions of one `inAnyOrder` block and a matching that gives each its own unasserted interaction
 * that it fully matches. An assertion joins only if such a matching of all of them exists; it is found
 * incrementally (Kuhn's augmenting paths), so an earlier assertion may move to another interaction to make
 * room. Nothing is marked asserted until the block closes; until then its interactions are claimed.
 */
export class AnyOrderBlock {
  private readonly assertions: BlockAssertion[] = [];
  /** Position of a claimed interaction -> index of the assertion it is matched to. */
  private readonly claims = new Map<number, number>();
  /** Per key, how far the start of its positions is claimed or asserted (claims only grow in a block). */
  private readonly keyCursors = new Map<string, number>();
  private scanCursor = 0;
  private closed = false;

  constructor(
    readonly timeline: Timeline,
    /** The open blocks on the same timeline (concurrent async blocks): their claims are not candidates. */
    private readonly openBlocks: Set<AnyOrderBlock>,
  ) {
    openBlocks.add(this);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /**
   * Adds the assertion when the block's assertions, this one included, can each have their own fully
   * matching interaction. Otherwise returns false and changes nothing.
   */
  add(plugin: Plugin, expected: Expected): boolean {
    let search: Search = { plugin, expected, key: plugin.expectedKey?.(expected) };
    let free = this.firstFreeCandidate(search);
    // A key only narrows the search when some interaction of that key is a candidate at all.
    if (free === undefined && search.key !== undefined && this.candidates(search).length === 0) {
      search = { plugin, expected, key: undefined };
      free = this.firstFreeCandidate(search);
    }
    const index = this.assertions.push({ plugin, expected, scanAll: search.key === undefined }) - 1;
    if (free !== undefined) {
      this.claim(index, free);
      return true;
    }
    if (this.augment(index)) return true;
    this.assertions.pop();
    return false;
  }

  isClaimed(position: number): boolean {
    return this.claims.has(position);
  }

  /** The assertion the interaction at `position` is matched to, in this block. */
  claimant(position: number): { plugin: Plugin; expected: Expected } | undefined {
    const index = this.claims.get(position);
    return index === undefined ? undefined : this.assertions[index];
  }

  /** Ends the block: every interaction of its matching is now asserted. */
  close(): void {
    this.closed = true;
    this.openBlocks.delete(this);
    for (const position of this.claims.keys()) this.timeline.markAssertedAt(position);
  }

  /** The earliest unclaimed candidate, past the prefix of the assertion's positions already taken. */
  private firstFreeCandidate(search: Search): number | undefined {
    const { timeline } = this;
    if (search.key === undefined) {
      let start = Math.max(timeline.firstUnassertedPosition(), this.scanCursor);
      while (start < timeline.length && this.unavailable(start)) start++;
      this.scanCursor = start;
      for (let position = start; position < timeline.length; position++) {
        if (!this.unavailable(position) && this.isCandidate(position, search)) return position;
      }
      return undefined;
    }
    const { positions, from } = timeline.keyed(search.key);
    let start = Math.max(from, this.keyCursors.get(search.key) ?? 0);
    while (start < positions.length && this.unavailable(positions[start]!)) start++;
    if (start > from) this.keyCursors.set(search.key, start);
    for (let entry = start; entry < positions.length; entry++) {
      const position = positions[entry]!;
      if (!this.unavailable(position) && this.isCandidate(position, search)) return position;
    }
    return undefined;
  }

  /** Every unasserted interaction the assertion fully matches and no other open block holds. */
  private candidates(search: Search): number[] {
    const found: number[] = [];
    const consider = (position: number) => {
      if (!this.timeline.isAsserted(position) && !this.heldElsewhere(position)) {
        if (this.isCandidate(position, search)) found.push(position);
      }
    };
    if (search.key === undefined) {
      for (
        let position = this.timeline.firstUnassertedPosition();
        position < this.timeline.length;
        position++
      )
        consider(position);
    } else {
      const { positions, from } = this.timeline.keyed(search.key);
      for (let entry = from; entry < positions.length; entry++) consider(positions[entry]!);
    }
    return found;
  }

  /**
   * Looks for an augmenting path from the new assertion `root`, depth first without recursion: a candidate
   * that is free ends the path; a claimed one continues it from the assertion that holds it. On success
   * every assertion along the path moves one step, and the root gets the position its successor gave up.
   */
  private augment(root: number): boolean {
    const visited = new Set<number>();
    const lists = new Map<string, CandidateList>();
    const stack = [{ assertion: root, list: this.candidateList(root, lists), gaveUp: -1 }];
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      if (frame.list.next === frame.list.positions.length) {
        stack.pop();
        continue;
      }
      const position = frame.list.positions[frame.list.next++]!;
      if (visited.has(position)) continue;
      visited.add(position);
      const holder = this.claims.get(position);
      if (holder === undefined) {
        let taken = position;
        for (let depth = stack.length - 1; depth >= 0; depth--) {
          this.claim(stack[depth]!.assertion, taken);
          taken = stack[depth]!.gaveUp;
        }
        return true;
      }
      stack.push({ assertion: holder, list: this.candidateList(holder, lists), gaveUp: position });
    }
    return false;
  }

  /**
   * The assertion's candidates, free ones first. Equal assertions (the same canonical key) have the same
   * candidates, so within one search they share one list and one cursor: every entry a frame has passed
   * is visited, so another frame would skip it anyway. Without this, n equal assertions cost n² matches.
   */
  private candidateList(index: number, lists: Map<string, CandidateList>): CandidateList {
    const { plugin, expected, scanAll } = this.assertions[index]!;
    const search: Search = { plugin, expected, key: scanAll ? undefined : plugin.expectedKey?.(expected) };
    const expectedKey = canonicalKey(expected);
    const shareKey =
      expectedKey === undefined ? undefined : `${plugin.name}\n${search.key ?? ''}\n${expectedKey}`;
    const shared = shareKey === undefined ? undefined : lists.get(shareKey);
    if (shared !== undefined) return shared;
    const all = this.candidates(search);
    const list = {
      positions: [
        ...all.filter((position) => !this.claims.has(position)),
        ...all.filter((p) => this.claims.has(p)),
      ],
      next: 0,
    };
    if (shareKey !== undefined) lists.set(shareKey, list);
    return list;
  }

  private claim(index: number, position: number): void {
    this.claims.set(position, index);
  }

  private isCandidate(position: number, search: Search): boolean {
    return fullyMatches(this.timeline.at(position), search.plugin, search.expected);
  }

  private unavailable(position: number): boolean {
    return this.timeline.isAsserted(position) || this.claims.has(position) || this.heldElsewhere(position);
  }

  private heldElsewhere(position: number): boolean {
    if (this.openBlocks.size === 1) return false;
    for (const block of this.openBlocks) if (block !== this && block.isClaimed(position)) return true;
    return false;
  }
}
