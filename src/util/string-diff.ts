import { quote } from './quote';

/** Characters of context shown on each side of the first difference. */
export const CONTEXT = 24;

/** A slice `[start, end)` of a string. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/** Where two strings first differ, and the slice of each that a message shows around it. */
export interface StringDifference {
  /** The index of the first character that differs (the shorter length when one is a prefix of the other). */
  readonly offset: number;
  readonly expected: Window;
  readonly actual: Window;
}

/** The index of the first differing character, never inside a surrogate pair; `-1` for equal strings. */
export function firstDifference(a: string, b: string): number {
  if (a === b) return -1;
  const shorter = Math.min(a.length, b.length);
  let index = 0;
  while (index < shorter && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  return index > 0 && isHighSurrogate(a.charCodeAt(index - 1)) ? index - 1 : index;
}

/** The first difference of two unequal strings and a window of each around it. */
export function stringDifference(expected: string, actual: string, context = CONTEXT): StringDifference {
  const offset = Math.max(0, firstDifference(expected, actual));
  return {
    offset,
    expected: windowAround(expected, offset, context),
    actual: windowAround(actual, offset, context),
  };
}

function windowAround(text: string, offset: number, context: number): Window {
  let start = Math.max(0, offset - context);
  let end = Math.min(text.length, offset + context);
  if (start > 0 && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  return { start, end };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The window of `text` as a message shows it: the context before the difference and the rest from it, each
 * quoted, with `▸` between them at the offset and `…` where the string goes on (`…'"id":"12' ▸ '3"}'`).
 */
export function excerptText(text: string, window: Window, offset: number): string {
  const before = text.slice(window.start, offset);
  const after = text.slice(offset, window.end);
  const left = before === '' ? '' : `${window.start > 0 ? '…' : ''}${quote(before)} `;
  const right = after === '' ? '<end>' : `${quote(after)}${window.end < text.length ? '…' : ''}`;
  return `${left}▸ ${right}`;
}
