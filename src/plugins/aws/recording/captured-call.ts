import type { CallName } from '../sdk/call-info';

/** A failed call as the recording keeps it: what a `raises` spec needs to rebuild it. */
export interface CapturedError {
  /** The error's `name`: the modeled class (`NoSuchKey`), or the code of an unmodeled one. */
  readonly code: string;
  readonly message: string;
  readonly fault: unknown;
  readonly status: unknown;
  /** Where a mock of `code` would differ: the `$fault` and `$metadata.httpStatusCode` to give it. */
  readonly differs: { readonly $fault?: unknown; readonly httpStatusCode?: unknown };
  /** Its own extra fields (`CancellationReasons`, `Item`), volatile ones left out. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Not an error of the service (a network failure, a bug): rebuilt as one, with a note. */
  readonly notFromService: boolean;
}

export type CapturedOutcome =
  | { readonly kind: 'output'; readonly output: Readonly<Record<string, unknown>> }
  | { readonly kind: 'error'; readonly error: CapturedError };

/** One call that went to the real service, as captured: in call order, with when it started and settled. */
export interface CapturedCall {
  readonly name: CallName;
  /** A snapshot taken when `send` was called. */
  readonly params: unknown;
  /** The client's class and the command's, for the typed form's import and the header. */
  readonly clientClass: unknown;
  readonly commandClass: unknown;
  /** Ticks of the recording's clock: a call that starts before another has settled overlapped it. */
  readonly started: number;
  settled: number | undefined;
  outcome: CapturedOutcome | undefined;
  /** `s3 at http://127.0.0.1:4569 (@aws-sdk/client-s3 3.1169.0)`, once known. */
  recordedAgainst: string | undefined;
}
