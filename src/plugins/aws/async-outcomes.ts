import { abortError } from './sdk-errors';

/** The part of an `AbortSignal` a mocked call listens to. */
export interface AbortSignalLike {
  aborted?: boolean;
  addEventListener?(type: 'abort', listener: () => void, options?: { once: boolean }): void;
  removeEventListener?(type: 'abort', listener: () => void): void;
}

/** A promise of what `produce` returns, or of `fail`'s rejection when it throws. */
export function settleSync(
  produce: () => unknown,
  fail: (error: unknown) => Promise<never>,
): Promise<unknown> {
  try {
    return Promise.resolve(produce());
  } catch (error) {
    return fail(error);
  }
}

/** `pending`, unless the signal aborts first: then the SDK's own AbortError, as for an in-flight request. */
export function untilAborted(
  pending: Promise<unknown>,
  signal: AbortSignalLike | undefined,
): Promise<unknown> {
  if (signal?.addEventListener === undefined) return pending;
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError());
    signal.addEventListener?.('abort', onAbort, { once: true });
  });
  return Promise.race([pending, aborted]).finally(() => signal.removeEventListener?.('abort', onAbort));
}

/** SDK waiters (3.6xx) read `$response.statusCode` of any error with `$metadata`, as deserialized errors have. */
export function withResponse(error: Error): Error {
  const { $metadata, $response } = error as { $metadata?: { httpStatusCode?: unknown }; $response?: unknown };
  if ($response === undefined && typeof $metadata?.httpStatusCode === 'number') {
    Object.defineProperty(error, '$response', {
      value: { statusCode: $metadata.httpStatusCode, headers: {}, body: undefined },
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
  return error;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function'
  );
}
