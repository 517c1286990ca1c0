import { types } from 'node:util';
import { boxedSource, constructorNameOf, symbolText } from './describe-value';
import { describeThrown } from './guarded-read';
import { isError } from './is-error';
import { quote } from './quote';
import { CIRCULAR, isBytes, isPlainObject, isStreamLike, Uncopied } from './values';

export { quote };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const ONE_LINE_LIMIT = 100;
const BYTES_SHOWN_IN_FULL = 64;

/** A value's description rather than the value itself, printed as `<text>` (for example `<absent>`). */
export class Note {
  constructor(readonly text: string) {}
}

/** Text a message shows as it is: an excerpt of a value rather than the value (`…'abc' ▸ 'def'…`). */
export class Verbatim {
  constructor(readonly text: string) {}
}

/**
 * A matcher that prints as the call that makes it, its argument formatted like any value, so that a hint
 * holding it can be pasted (`tripwire.json({ id: 1 })`).
 */
export abstract class CallMatcher implements AsymmetricMatcher {
  /** `tripwire.json` */
  abstract readonly callee: string;
  abstract readonly argument: unknown;
  abstract asymmetricMatch(other: unknown): boolean;

  toString(): string {
    return `${this.callee}(${formatValue(this.argument)})`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * Formats a value as TypeScript source that evaluates back to an equal value where that is possible,
 * so that hints in error messages can be pasted into a test as they are. Cycles, Proxies and throwing
 * getters are described, never followed or rethrown.
 */
export function formatValue(value: unknown, indent = ''): string {
  return formatWithin(value, indent, new Set());
}

/** `ancestors` holds the objects being formatted around this one: a reference back to one is a cycle. */
function formatWithin(value: unknown, indent: string, ancestors: Set<object>): string {
  const oneLine = format(value, indent, true, ancestors);
  if (oneLine.length + indent.length <= ONE_LINE_LIMIT && !oneLine.includes('\n')) return oneLine;
  return format(value, indent, false, ancestors);
}

function format(value: unknown, indent: string, oneLine: boolean, ancestors: Set<object>): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return formatString(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Object.is(value, -0)) return '-0';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'symbol') return symbolText(value);
  if (ancestors.has(value)) return `tripwire.ANY /* ${CIRCULAR} */`;
  try {
    ancestors.add(value);
    return formatObject(value, indent, oneLine, ancestors);
  } catch (error) {
    // A Proxy or a getter that throws while being described: say so rather than fail the message.
    return `<unreadable: ${describeThrown(error)}>`;
  } finally {
    ancestors.delete(value);
  }
}

function formatObject(value: object, indent: string, oneLine: boolean, ancestors: Set<object>): string {
  if (types.isProxy(value)) return typeof value === 'function' ? '<Proxy of a function>' : '<Proxy>';
  if (value instanceof Note) return `<${value.text}>`;
  if (value instanceof Verbatim) return value.text;
  if (value instanceof CallMatcher)
    return `${value.callee}(${format(value.argument, indent, oneLine, ancestors)})`;
  if (value instanceof Uncopied) return `tripwire.ANY /* ${value.text} */`;
  if (typeof value === 'function') return describeFunction(value);
  if (isAsymmetricMatcher(value)) return describeMatcher(value);
  const boxed = boxedSource(value);
  if (boxed !== undefined) return boxed;
  if (value instanceof Date) return `new Date(${quote(value.toISOString())})`;
  if (isBytes(value)) return formatBytes(value);
  if (isStreamLike(value)) return `tripwire.ANY /* <${constructorName(value) ?? 'stream'}> */`;
  if (isError(value)) return `${constructorName(value) ?? 'Error'}(${quote(value.message)})`;
  if (types.isRegExp(value)) return String(value);
  const entries = (list: Array<[string | undefined, unknown]>, open: string, close: string) =>
    formatEntries(list, open, close, indent, oneLine, ancestors);
  if (Array.isArray(value))
    return entries(
      value.map((item) => [undefined, item]),
      '[',
      ']',
    );
  if (value instanceof Map)
    return `new Map(${entries(
      [...value].map((pair) => [undefined, pair]),
      '[',
      ']',
    )})`;
  if (value instanceof Set)
    return `new Set(${entries(
      [...value].map((item) => [undefined, item]),
      '[',
      ']',
    )})`;
  const members = Object.entries(value).filter(([, item]) => item !== undefined);
  const prefix = isPlainObject(value) ? '' : `/* ${constructorName(value) ?? 'object'} */ `;
  return prefix + entries(members, '{', '}');
}

function formatEntries(
  entries: Array<[string | undefined, unknown]>,
  open: string,
  close: string,
  indent: string,
  oneLine: boolean,
  ancestors: Set<object>,
): string {
  if (entries.length === 0) return `${open}${close}`;
  const inner = `${indent}  `;
  const parts = entries.map(([key, item]) => {
    const rendered = oneLine ? format(item, inner, true, ancestors) : formatWithin(item, inner, ancestors);
    return key === undefined ? rendered : `${formatKey(key)}: ${rendered}`;
  });
  if (oneLine) return open === '{' ? `{ ${parts.join(', ')} }` : `[${parts.join(', ')}]`;
  return `${open}\n${parts.map((part) => `${inner}${part},`).join('\n')}\n${indent}${close}`;
}

// A message shows the start of a longer string: a megabyte of it would bury the message.
const STRING_SHOWN_IN_FULL = 1_000;

function formatString(text: string): string {
  if (text.length <= STRING_SHOWN_IN_FULL) return quote(text);
  return `tripwire.ANY /* ${quote(text.slice(0, 200))}… (${text.length} characters) */`;
}

function formatKey(key: string): string {
  // `__proto__: x` in a literal sets the prototype; the computed form makes the own key the data has.
  if (key === '__proto__') return `['__proto__']`;
  return IDENTIFIER.test(key) ? key : quote(key);
}

function formatBytes(bytes: Uint8Array): string {
  // Text (a JSON payload, say) reads as text up to the length a string is shown in full; other bytes as numbers.
  if (bytes.length <= STRING_SHOWN_IN_FULL) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (Buffer.from(text, 'utf8').equals(bytes) && isPrintable(text)) {
      return `Buffer.from(${quote(text)})`;
    }
  }
  if (bytes.length <= BYTES_SHOWN_IN_FULL) return `new Uint8Array([${Array.from(bytes).join(', ')}])`;
  return `tripwire.ANY /* <${constructorName(bytes) ?? 'Uint8Array'} ${bytes.length} bytes> */`;
}

function isPrintable(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return false;
  }
  return true;
}

/** Prefixes every line of `text`, so a multi-line value lines up inside a list or under a heading. */
export function indented(text: string, indent = '  '): string {
  return text.replace(/^/gm, indent);
}

export interface AsymmetricMatcher {
  /** Whether the actual value matches. */
  asymmetricMatch(other: unknown): boolean;
  /** How messages print the matcher, when it has no `toAsymmetricMatcher`. */
  toString?(): string;
  /** Jest's and Vitest's description of the matcher (`Any<String>`). */
  toAsymmetricMatcher?(): string;
}

/** Anything with an `asymmetricMatch` method: Jest's and Vitest's matchers and `tripwire.ANY`. */
export function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcher {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function'
  );
}

// Jest's and Vitest's built-in matchers, written back as the call that makes them.
const SAMPLE_MATCHERS = new Set([
  'ObjectContaining',
  'ArrayContaining',
  'StringContaining',
  'StringMatching',
]);

function describeMatcher(matcher: AsymmetricMatcher): string {
  const { sample, inverse, precision } = matcher as {
    sample?: unknown;
    inverse?: unknown;
    precision?: unknown;
  };
  const kind = constructorName(matcher);
  const not = inverse === true ? 'not.' : '';
  if (kind === 'Any' && typeof sample === 'function') return `expect.any(${sample.name || 'Object'})`;
  if (kind === 'Anything') return 'expect.anything()';
  if (kind !== undefined && SAMPLE_MATCHERS.has(kind)) {
    const argument = sample instanceof RegExp ? String(sample) : formatValue(sample);
    return `expect.${not}${kind.charAt(0).toLowerCase()}${kind.slice(1)}(${argument})`;
  }
  if (kind === 'CloseTo') return `expect.${not}closeTo(${String(sample)}, ${String(precision)})`;
  if (typeof matcher.toAsymmetricMatcher === 'function') return `expect.${matcher.toAsymmetricMatcher()}`;
  const text = typeof matcher.toString === 'function' ? matcher.toString() : '';
  return text && text !== '[object Object]' ? text : 'matcher';
}

function describeFunction(fn: object): string {
  const name = Object.getOwnPropertyDescriptor(fn, 'name')?.value;
  const kind = /^class\b/.test(Function.prototype.toString.call(fn)) ? 'class' : 'function';
  return typeof name === 'string' && name !== '' ? `[${kind} ${name}]` : `[${kind}]`;
}

function constructorName(value: object): string | undefined {
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null ? undefined : constructorNameOf(prototype);
}
