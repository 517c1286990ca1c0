/**
 * Reading user input can run user code (getters, Proxy traps) that throws. These helpers make such a read
 * a result instead of an exception, so the caller can name the field in a clear error.
 */
export type ReadResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: unknown };

export function guardedRead<T>(read: () => T): ReadResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** `TypeError: boom`, for any thrown value, without running more user code that could throw again. */
export function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error || Object.prototype.toString.call(error) === '[object Error]') {
      const { name, message } = error as Error;
      return shorten(`${String(name)}: ${String(message)}`);
    }
    return typeof error === 'string' ? shorten(error) : shorten(String(error));
  } catch {
    return 'an unreadable exception';
  }
}

const SHOWN_CHARACTERS = 80;

/** Long user text cut for a message: the start, an ellipsis and the full length. */
export function shorten(text: string, shown = SHOWN_CHARACTERS): string {
  if (text.length <= shown) return text;
  return `${text.slice(0, shown)}… (${text.length} characters)`;
}
