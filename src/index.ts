export { type Tripwire, tripwire } from './current';
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
export type { GuardLevel, Interaction, Plugin, PluginHost } from './plugins/plugin';
export { StrictVerifier } from './strict-verifier';
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
  type UnusedMockSummary,
  UnusedMocksError,
  VerificationError,
  type ViolationKind,
  type ViolationSummary,
} from './verifier/errors';
export type { AsymmetricMatcher } from './verifier/format';
export { ANY } from './verifier/matching';
export { type ConfigureOptions, Verifier } from './verifier/verifier';
