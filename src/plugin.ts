/**
 * `ts-tripwire/plugin`: everything a third-party plugin needs to join a verifier's timeline, and nothing
 * of the verifier's internals. A plugin implements {@link Plugin}, registers itself on a verifier
 * (`host.registerPlugin(this)` in its constructor), records calls with `host.recordInteraction`, routes each intercepted
 * call with {@link currentRoute}, and gets the same ordering, `inAnyOrder`, mismatch reports and
 * `verifyAll()` as the AWS plugin. Writing one: docs/plugins.md.
 *
 * @module ts-tripwire/plugin
 */
// Named, not `export *`: the bundle resolves every entry's imports to one runtime module, and a star
// re-export of it would publish the whole runtime under this entry.
export { enablePluginInEachTest } from './current';
export {
  ABSENT,
  AllWildcardAssertionError,
  ANY,
  AssertionInsideSandboxError,
  type AsymmetricMatcher,
  CallSite,
  type CodeOptions,
  canonicalKey,
  currentRoute,
  currentUserFrame,
  describeValue,
  diffValues,
  EscapedRequestError,
  type FieldMismatch,
  formatValue,
  GuardedCallError,
  type GuardLevel,
  type Interaction,
  InteractionMismatchError,
  type InteractionSummary,
  InvalidParamsError,
  indented,
  isAsymmetricMatcher,
  isOnlyWildcards,
  MissingAssertionFieldsError,
  NoActiveVerifierError,
  Note,
  type Plugin,
  type PluginHost,
  type PluginKind,
  type PluginRecorder,
  PostSandboxInteractionError,
  patch,
  type RecordedCode,
  type RecordedImport,
  type RecorderStart,
  type RecordOptions,
  type RecordResult,
  type Route,
  type RouteTarget,
  routedPlugin,
  runPassingThrough,
  type SettingSpec,
  type SettingSpecs,
  TripwireConfigError,
  TripwireError,
  UnassertedInteractionsError,
  UnmockedInteractionError,
  type UnusedMock,
  type UnusedMockSummary,
  UnusedMocksError,
  VerificationError,
  type ViolationKind,
  type ViolationSummary,
} from './plugins/contract';
