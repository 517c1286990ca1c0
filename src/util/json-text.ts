import { isBytes } from './values';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a string, or of bytes that are valid UTF-8; `undefined` for anything else. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isBytes(value)) return undefined;
  try {
    return UTF8.decode(value);
  } catch {
    return undefined;
  }
}

/** The value a JSON text parses to, wrapped so that a text of `null` is told from no JSON at all. */
export interface ParsedJson {
  readonly value: unknown;
}

/** A string or UTF-8 bytes parsed as JSON; `undefined` when it is neither, or not valid JSON. */
export function parseJson(value: unknown): ParsedJson | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * A JSON object or array held in a string or UTF-8 bytes: a payload worth comparing by its parsed value.
 * Plain words and numbers (`'123'`, `'true'`) stay strings.
 */
export function parseJsonDocument(value: unknown): ParsedJson | undefined {
  if (!startsLikeDocument(value)) return undefined;
  const parsed = parseJson(value);
  return parsed !== undefined && parsed.value !== null && typeof parsed.value === 'object'
    ? parsed
    : undefined;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/** A cheap look at the first non-blank character, so that large binary or plain payloads are not decoded. */
function startsLikeDocument(value: unknown): boolean {
  let index = 0;
  if (typeof value === 'string') {
    while (index < value.length && /\s/.test(value.charAt(index))) index++;
    const first = value.charAt(index);
    return first === '{' || first === '[';
  }
  if (!isBytes(value)) return false;
  if (value[0] === 0xef && value[1] === 0xbb && value[2] === 0xbf) index = 3; // a UTF-8 byte order mark
  while (index < value.length && isBlankByte(value[index] as number)) index++;
  return value[index] === OPEN_BRACE || value[index] === OPEN_BRACKET;
}

function isBlankByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
