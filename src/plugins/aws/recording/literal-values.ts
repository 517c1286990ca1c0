import { randomBytes } from 'node:crypto';
import { formatValue, quote } from '../../../util/format';
import { isPlainObject } from '../../../util/values';

// What messages shorten (`formatValue` keeps them readable), recorded code must write whole.
const LONGEST_STRING = 1_000;
const LONGEST_BYTES = 64;
const LINE_WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Values as source for recorded code: `formatValue`'s layout, with long strings and byte arrays written out in
 * full (they go through it as short placeholders and come back as literals).
 */
export class LiteralValues {
  private readonly literals: string[] = [];
  // Tagged per instance: a recorded value that happens to read like a placeholder is not taken for one.
  private readonly tag = `__tripwire_literal_${randomBytes(6).toString('hex')}_`;
  private readonly placeholder = new RegExp(`'${this.tag}(\\d+)__'`, 'g');

  /**
   * The value as source, in a statement whose text before it is `column` characters long: on that line when the
   * line fits, else an object one member per line, each member laid out as `formatValue` does.
   */
  format(value: unknown, column = 0): string {
    const prepared = this.prepare(value);
    // Measured with its literals, so that a long string breaks its object as one that `formatValue` shortens does.
    const whole = this.restore(formatValue(prepared, ''));
    if ((!whole.includes('\n') && whole.length + column <= LINE_WIDTH) || !isPlainObject(prepared)) {
      return whole;
    }
    const members = Object.entries(prepared)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `  ${IDENTIFIER.test(key) ? key : quote(key)}: ${formatValue(item, '  ')},`);
    return this.restore(`{\n${members.join('\n')}\n}`);
  }

  /** The value with each long string or byte array replaced by a placeholder that `restore` turns back. */
  prepare(value: unknown): unknown {
    if (typeof value === 'string') return value.length > LONGEST_STRING ? this.hold(quote(value)) : value;
    if (value instanceof Uint8Array)
      return value.length > LONGEST_BYTES ? this.hold(bytesSource(value)) : value;
    if (Array.isArray(value)) return value.map((item) => this.prepare(item));
    if (value instanceof Set) return new Set([...value].map((item) => this.prepare(item)));
    if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, this.prepare(item)]));
    if (!isPlainObject(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.prepare(item)]));
  }

  /** Formatted text with the placeholders of `prepare` replaced by their literals. */
  restore(text: string): string {
    return text.replace(this.placeholder, (_, index: string) => this.literals[Number(index)] ?? '');
  }

  private hold(literal: string): string {
    this.literals.push(literal);
    return `${this.tag}${this.literals.length - 1}__`;
  }
}

/** The bytes' text when they are UTF-8 without control characters (but tabs and line breaks). */
export function utf8Text(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? undefined : text;
}

function bytesSource(bytes: Uint8Array): string {
  const text = utf8Text(bytes);
  if (text !== undefined) return `Buffer.from(${quote(text)})`;
  return `Buffer.from('${Buffer.from(bytes).toString('base64')}', 'base64')`;
}
