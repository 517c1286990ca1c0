import type { InteractionSummary, UnusedMockSummary, ViolationSummary } from './plugins/contract/plugin';

export type {
  InteractionSummary,
  UnusedMockSummary,
  ViolationKind,
  ViolationSummary,
} from './plugins/contract/plugin';

/** The base of every error ts-tripwire throws. */
export class TripwireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An AWS call with no mock left in its queue. Thrown into the code under test and remembered. */
export class UnmockedInteractionError extends TripwireError {}

/** An AWS call made outside any sandbox while the test-runner guard is on. Thrown and remembered. */
export class GuardedCallError extends TripwireError {}

/** An AWS call made by async work started inside `run` after `run` had settled. Thrown and remembered. */
export class PostSandboxInteractionError extends TripwireError {}

/**
 * An HTTP(S) request from an AWS SDK client that escaped `send` interception (a bundled SDK, or one loaded
 * where ts-tripwire could not patch it), refused before it left the process. Thrown and remembered.
 */
export class EscapedRequestError extends TripwireError {}

/**
 * An AWS call whose params the operation does not have (`bucket` for `Bucket`): the real SDK drops them
 * silently and the request fails in production. Thrown into the code under test and remembered.
 */
export class InvalidParamsError extends TripwireError {}

/** An assertion that does not match the next recorded interaction. */
export class InteractionMismatchError extends TripwireError {}

/** An assertion that leaves out a field the interaction recorded (`service`, `operation`, `params`, `raised`). */
export class MissingAssertionFieldsError extends TripwireError {}

/** An assertion made only of wildcards, which would pass whatever the code did. */
export class AllWildcardAssertionError extends TripwireError {}

/** Asserting or verifying while one of that verifier's sandboxes is still open. */
export class AssertionInsideSandboxError extends TripwireError {}

/** The module-level `tripwire` object used where there is no current test verifier. */
export class NoActiveVerifierError extends TripwireError {}

/** Bad input to a public function. Thrown before anything is changed. */
export class TripwireConfigError extends TripwireError {}

/** What `verifyAll()` found. Subclassed when only one kind of problem was found. */
export class VerificationError extends TripwireError {
  constructor(
    message: string,
    readonly unasserted: readonly InteractionSummary[],
    readonly unused: readonly UnusedMockSummary[],
    readonly violations: readonly ViolationSummary[],
  ) {
    super(message);
  }
}

/** `verifyAll()` found recorded interactions that no assertion consumed, and nothing else. */
export class UnassertedInteractionsError extends VerificationError {}

/** `verifyAll()` found required mocks that no call consumed, and nothing else. */
export class UnusedMocksError extends VerificationError {}
