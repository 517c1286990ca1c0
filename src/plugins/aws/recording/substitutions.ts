import { mapLeaves } from './rewrite';

/** 2000-01-01T00:00:00Z: recorded timestamps become this, plus one second per distinct instant, in order. */
const FIRST_STAMP = Date.UTC(2000, 0, 1);

/**
 * Real values replaced by placeholders, the same placeholder wherever the same value appears: a continuation
 * token or an ETag a mocked output gives is the one the next request's assertion expects, and a redacted
 * secret that the code passes on is redacted in that call's params too.
 */
export class Substitutions {
  private readonly strings = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private readonly stamps = new Map<number, Date>();

  /** The placeholder for a real string: `make(n)` for the n-th distinct value of its kind. */
  replace(real: string, kind: string, make: (n: number) => string): string {
    const known = this.strings.get(real);
    if (known !== undefined) return known;
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    const placeholder = make(count);
    this.strings.set(real, placeholder);
    return placeholder;
  }

  /** A placeholder for a real string that is the same for every value (a redacted secret). */
  replaceWith(real: string, placeholder: string): string {
    if (real !== placeholder) this.strings.set(real, placeholder);
    return placeholder;
  }

  /** Gives the recorded timestamps their placeholders, keeping their order. */
  planStamps(instants: readonly number[]): void {
    [...new Set(instants)]
      .sort((a, b) => a - b)
      .forEach((instant, index) => {
        this.stamps.set(instant, new Date(FIRST_STAMP + index * 1000));
      });
  }

  /** The value with every known real string and timestamp replaced by its placeholder. */
  apply(value: unknown): unknown {
    if (this.strings.size === 0 && this.stamps.size === 0) return value;
    return mapLeaves(value, (leaf) =>
      typeof leaf === 'string' ? (this.strings.get(leaf) ?? leaf) : (this.stamps.get(leaf.getTime()) ?? leaf),
    );
  }
}
