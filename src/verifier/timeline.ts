import type { Interaction, Plugin } from '../plugins/contract/plugin';

interface Bucket {
  readonly positions: number[];
  head: number;
}

/** Consecutive interactions recorded by one plugin, from `from` until the next run starts. */
interface PluginRun {
  readonly from: number;
  readonly plugin: Plugin;
}

const NO_POSITIONS = { positions: [], from: 0 } as const;

/**
 * Every interaction a verifier recorded, in call order. Recording is one array push: plugins are kept as
 * runs (a new run only when the recording plugin changes), asserted flags only once an interaction is
 * marked asserted, and interactions are materialised when asked for. Strict-order assertions move a
 * cursor past the asserted prefix, and any-order assertions look candidates up by the plugin's
 * assertion key (`keyed`), so no assertion scans the whole timeline. A position is `sequence - 1`.
 */
export class Timeline {
  private readonly fields: unknown[] = [];
  private readonly pluginRuns: PluginRun[] = [];
  private lastPlugin: Plugin | undefined;
  private asserted = new Uint8Array(0);
  private firstUnasserted = 0;
  private readonly buckets = new Map<string, Bucket>();
  private indexed = 0;

  append<Fields>(plugin: Plugin<Fields>, fields: Fields): void {
    if (plugin !== this.lastPlugin) {
      this.pluginRuns.push({ from: this.fields.length, plugin });
      this.lastPlugin = plugin;
    }
    this.fields.push(fields);
  }

  /** The earliest interaction not yet asserted. */
  next(): Interaction | undefined {
    this.skipAsserted();
    return this.firstUnasserted < this.fields.length ? this.at(this.firstUnasserted) : undefined;
  }

  /** The earliest unasserted interaction the predicate accepts. */
  find(predicate: (interaction: Interaction) => boolean): Interaction | undefined {
    this.skipAsserted();
    for (let position = this.firstUnasserted; position < this.fields.length; position++) {
      if (this.isAsserted(position)) continue;
      const interaction = this.at(position);
      if (predicate(interaction)) return interaction;
    }
    return undefined;
  }

  /** How many interactions were recorded; positions run from 0 to `length - 1` (sequence - 1). */
  get length(): number {
    return this.fields.length;
  }

  /** The position of the earliest unasserted interaction (`length` when every one is asserted). */
  firstUnassertedPosition(): number {
    this.skipAsserted();
    return this.firstUnasserted;
  }

  /**
   * The positions of the interactions the plugins gave this assertion key, in recording order, from the
   * first unasserted one on (`from`). Empty when none has the key.
   */
  keyed(key: string): { readonly positions: readonly number[]; readonly from: number } {
    this.indexNewInteractions();
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return NO_POSITIONS;
    while (bucket.head < bucket.positions.length && this.isAsserted(bucket.positions[bucket.head]!))
      bucket.head++;
    return { positions: bucket.positions, from: bucket.head };
  }

  markAsserted(interaction: Interaction): void {
    this.markAssertedAt(interaction.sequence - 1);
  }

  markAssertedAt(position: number): void {
    if (position >= this.asserted.length) {
      const grown = new Uint8Array(Math.max(position + 1, this.fields.length, 2 * this.asserted.length, 64));
      grown.set(this.asserted);
      this.asserted = grown;
    }
    this.asserted[position] = 1;
    this.skipAsserted();
  }

  unasserted(): Interaction[] {
    this.skipAsserted();
    const remaining: Interaction[] = [];
    for (let position = this.firstUnasserted; position < this.fields.length; position++) {
      if (!this.isAsserted(position)) remaining.push(this.at(position));
    }
    return remaining;
  }

  /** Keys are computed only once any-order assertions start, and then once per interaction. */
  private indexNewInteractions(): void {
    for (; this.indexed < this.fields.length; this.indexed++) {
      const interaction = this.at(this.indexed);
      const key = interaction.plugin.assertionKey?.(interaction);
      if (key === undefined) continue;
      let bucket = this.buckets.get(key);
      if (bucket === undefined) {
        bucket = { positions: [], head: 0 };
        this.buckets.set(key, bucket);
      }
      bucket.positions.push(this.indexed);
    }
  }

  at(position: number): Interaction {
    return { sequence: position + 1, plugin: this.pluginAt(position), fields: this.fields[position]! };
  }

  /** The run holding `position`, found by binary search over the run starts. */
  private pluginAt(position: number): Plugin {
    let low = 0;
    let high = this.pluginRuns.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.pluginRuns[middle]!.from <= position) low = middle;
      else high = middle - 1;
    }
    return this.pluginRuns[low]!.plugin;
  }

  isAsserted(position: number): boolean {
    return position < this.asserted.length && this.asserted[position] === 1;
  }

  private skipAsserted(): void {
    while (this.isAsserted(this.firstUnasserted)) this.firstUnasserted++;
  }
}
