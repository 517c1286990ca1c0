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

/**
 * `pending`, unless the signal aborts first: then the SDK's own abort error for that signal, as for an
 * in-flight request (`abortErrorFor`: `() => sdkAbortError(client, options)`).
 */
export function untilAborted(
  pending: Promise<unknown>,
  signal: AbortSignalLike | undefined,
  abortErrorFor: () => Promise<Error>,
): Promise<unknown> {
  if (signal?.addEventListener === undefined) return pending;
  return new Promise((resolve, reject) => {
    // Decided when the signal fires, as the SDK's handler does: a response arriving while the SDK's error is
    // being made is dropped.
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      abortErrorFor().then(reject, reject);
    };
    signal.addEventListener?.('abort', onAbort, { once: true });
    pending
      .finally(() => signal.removeEventListener?.('abort', onAbort))
      .then(
        (output) => aborted || resolve(output),
        (error) => aborted || reject(error),
      );
  });
}

/**
 * The callback form of `send`: the outcome goes to `callback(error)` or `callback(null, output)`, and an
 * error the callback itself throws is swallowed, as the SDK's own `send` does, so that it cannot become an
 * unhandled rejection.
 */
export function deliverToCallback(
  outcome: Promise<unknown>,
  callback: (error: unknown, output?: unknown) => unknown,
): void {
  outcome
    .then(
      (output) => callback(null, output),
      (error) => callback(error),
    )
    .catch(() => {});
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
