/**
 * Strict call-expectation mocking for the AWS SDK for JavaScript v3: every call is mocked, every call is
 * asserted, and anything else fails the test.
 *
 * In a Jest test with `setupFilesAfterEnv: ['ts-tripwire/jest']`:
 *
 * ```ts
 * import { tripwire } from 'ts-tripwire';
 *
 * tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: 'a,b' } });
 * const text = await tripwire.run(() => readReport('reports', 'daily.csv'));
 * tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'reports', Key: 'daily.csv' } });
 * ```
 *
 * Outside a test runner, create a {@link StrictVerifier} and call its `verifyAll()` yourself.
 *
 * @packageDocumentation
 * @module ts-tripwire
 */
// biome-ignore-all assist/source/organizeImports: TypeDoc reads the doc comment of each separate re-export below.

export type { Tripwire } from './current';
/**
 * The current test's verifier, seen through a proxy: `tripwire.aws.mockCall(...)`, `tripwire.run(...)`,
 * `tripwire.aws.assertAwsCall(...)`. Needs the Jest or Vitest setup file, which gives each test a fresh
 * verifier and runs `verifyAll()` after it; anywhere else it throws {@link NoActiveVerifierError}, except
 * `tripwire.ANY`, a constant.
 */
export { tripwire } from './current';
export { AwsPlugin } from './plugins/aws/aws-plugin';
export type {
  AwsCallAssertion,
  AwsCallAssertionFor,
  AwsServices,
  CommandClass,
  CommandInput,
  CommandOutput,
  Matchable,
  MockOutput,
  MockSpec,
  MockSpecFor,
  OperationName,
  OperationsOf,
  PayloadInput,
  RaisedExpectation,
  RaisesSpec,
  TypedAwsCallAssertion,
} from './plugins/aws/types';
/**
 * What an AWS SDK call outside any sandbox does while the test-runner guard is on: `'error'` (default)
 * throws {@link GuardedCallError} and fails the test; `'warn'` lets it through after a warning; `'off'`
 * lets it through silently. Set it with `tripwire.configure({ guard })`.
 */
export type { GuardLevel } from './plugins/contract/plugin';
export type { Interaction, Plugin, PluginHost } from './plugins/contract/plugin';
export type { FieldMismatch } from './util/matching';
export { StrictVerifier, type StrictVerifierOptions } from './strict-verifier';
/**
 * A required mock that no call used, as listed in {@link VerificationError.unused}: its service, its
 * operation and `registeredAt`, the `file:line:column` of the `mockCall` that registered it.
 */
export type { UnusedMockSummary } from './errors';
/**
 * What kind of call a violation was: `'unmocked'` (no mock left), `'guarded'` (outside any sandbox while
 * the guard is on), `'post-sandbox'` (after `run` settled), `'escaped'` (an SDK request that reached the
 * network layer) or `'invalid-params'` (a param the operation does not have).
 */
export type { ViolationKind } from './errors';
/**
 * A call that was thrown into the code under test and remembered, as listed in
 * {@link VerificationError.violations}: `kind`, `service`, `operation`, `params` and the `message` thrown.
 */
export type { ViolationSummary } from './errors';
export {
  AllWildcardAssertionError,
  AssertionInsideSandboxError,
  EscapedRequestError,
  GuardedCallError,
  InteractionMismatchError,
  type InteractionSummary,
  InvalidParamsError,
  MissingAssertionFieldsError,
  NoActiveVerifierError,
  PostSandboxInteractionError,
  TripwireConfigError,
  TripwireError,
  UnassertedInteractionsError,
  UnmockedInteractionError,
  UnusedMocksError,
  VerificationError,
} from './errors';
/**
 * Anything with an `asymmetricMatch` method: Jest's and Vitest's `expect.any(...)`,
 * `expect.objectContaining(...)`, `expect.stringMatching(...)`, and {@link ANY}. Allowed for any value in
 * `params`, for `params` itself and for `raised`.
 */
export type { AsymmetricMatcher } from './util/format';
export { ANY } from './util/matching';
/**
 * Matches a param that holds JSON text (a string or UTF-8 bytes) by the value it parses to: `json({ id: 1 })`
 * exactly, key order aside, or `json(expect.objectContaining({ id: 1 }))`. The same function as `tripwire.json`.
 */
export { json } from './plugins/aws/asserting/json';
/**
 * Options for `tripwire.configure(...)` and `verifier.configure(...)`: `guard` ({@link GuardLevel}) and
 * `validate` (check mocked outputs and call params against the installed SDK's service model; default
 * `true`). Called inside a test, they apply to that test; at the top of a test file, to every test in it.
 */
export type { ConfigureOptions } from './strict-verifier';
export { Verifier } from './verifier/verifier';
/**
 * Record and update modes: {@link StrictVerifier.record} writes the strict test code for calls that went to
 * real services; `configure({ mode: 'record' | 'update' })` switches a verifier's sandboxes.
 */
export type {
  CodeOptions,
  RecordedCode,
  RecordedImport,
  RecordOptions,
  RecordResult,
} from './plugins/contract/plugin';
export type { RunSite } from './verifier/recording-options';
export type { VerifierMode } from './verifier/recording-settings';
