/**
 * What a plugin may use, and all it may use: the contract types, the routing decision, and the shared
 * formatting, matching and error classes. The AWS plugin is written against this alone, and so can yours
 * (`ts-tripwire/plugin` exports it).
 */
export {
  AllWildcardAssertionError,
  AssertionInsideSandboxError,
  EscapedRequestError,
  GuardedCallError,
  InteractionMismatchError,
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
} from '../../errors';
export { CallSite, currentUserFrame } from '../../util/call-site';
export { canonicalKey } from '../../util/canonical';
export { describeValue } from '../../util/describe-value';
export { type AsymmetricMatcher, formatValue, indented, isAsymmetricMatcher, Note } from '../../util/format';
export { ABSENT, ANY, diffValues, type FieldMismatch, isOnlyWildcards } from '../../util/matching';
export { patch } from '../../util/patch';
export type {
  CodeOptions,
  GuardLevel,
  Interaction,
  InteractionSummary,
  Plugin,
  PluginHost,
  PluginKind,
  PluginRecorder,
  RecordedCode,
  RecordedImport,
  RecorderStart,
  RecordOptions,
  RecordResult,
  SettingSpec,
  SettingSpecs,
  UnusedMock,
  UnusedMockSummary,
  ViolationKind,
  ViolationSummary,
} from './plugin';
export { currentRoute, type Route, type RouteTarget, routedPlugin, runPassingThrough } from './routing';
