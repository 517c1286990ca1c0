import type { Interaction, Plugin } from '../plugins/plugin';

interface Bucket {
  readonly positions: number[];
  head: number;
}

/**
 * Every interaction a verifier recorded, in call order. Recording costs no allocation beyond the fields
 * themselves (interactions are materialised when asked for), strict-order assertions move a cursor past
 * the asserted prefix, and any-order assertions look candidates up by the plugin's assertion key, so no
 * assertion scans the whole timeline.
 */
export class Timeline {
  private readonly plugins: Plugin[] = [];
  private readonly fields: Record<string, unknown>[] = [];
  private readonly asserted: boolean[] = [];
  private firstUnasserted = 0;
  private readonly buckets = new Map<string, Bucket>();
  private indexed = 0;

  append(plugin: Plugin, fields: Record<string, unknown>): void {
    this.plugins.push(plugin);
    this.fields.push(fields);
    this.asserted.push(false);
  }

  /** The earliest interaction not yet asserted. */
  next(): Interaction | undefined {
    this.skipAsserted();
    return this.firstUnasserted < this.fields.length ? this.at(this.firstUnasserted) : undefined;
  }

  /**
   * The earliest unasserted interaction the predicate accepts. With a key, only interactions the plugin
   * gave the same key are tried first; the full scan remains as the fallback, so a key can only speed up.
   */
  find(predicate: (interaction: Interaction) => boolean, key?: string): Interaction | undefined {
    if (key !== undefined) {
      const found = this.findInBucket(key, predicate);
      if (found !== undefined) return found;
    }
    this.skipAsserted();
    for (let position = this.firstUnasserted; position < this.fields.length; position++) {
      if (this.asserted[position]) continue;
      const interaction = this.at(position);
      if (predicate(interaction)) return interaction;
    }
    return undefined;
  }

  markAsserted(interaction: Interaction): void {
    this.asserted[interaction.sequence - 1] = true;
    this.skipAsserted();
  }

  unasserted(): Interaction[] {
    this.skipAsserted();
    const remaining: Interaction[] = [];
    for (let position = this.firstUnasserted; position < this.fields.length; position++) {
      if (!this.asserted[position]) remaining.push(this.at(position));
    }
    return remaining;
  }

  private findInBucket(
    key: string,
    predicate: (interaction: Interaction) => boolean,
  ): Interaction | undefined {
    this.indexNewInteractions();
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return undefined;
    while (bucket.head < bucket.positions.length && this.asserted[bucket.positions[bucket.head]!])
      bucket.head++;
    for (let entry = bucket.head; entry < bucket.positions.length; entry++) {
      const position = bucket.positions[entry]!;
      if (this.asserted[position]) continue;
      const interaction = this.at(position);
      if (predicate(interaction)) return interaction;
    }
    return undefined;
  }

  /** Keys are computed only once any-order assertions start, and then once per interaction. */
  private indexNewInteractions(): void {
    for (; this.indexed < this.fields.length; this.indexed++) {
      const key = this.plugins[this.indexed]!.assertionKey?.(this.at(this.indexed));
      if (key === undefined) continue;
      let bucket = this.buckets.get(key);
      if (bucket === undefined) {
        bucket = { positions: [], head: 0 };
        this.buckets.set(key, bucket);
      }
      bucket.positions.push(this.indexed);
    }
  }

  private at(position: number): Interaction {
    return { sequence: position + 1, plugin: this.plugins[position]!, fields: this.fields[position]! };
  }

  private skipAsserted(): void {
    while (this.asserted[this.firstUnasserted]) this.firstUnasserted++;
  }
}
