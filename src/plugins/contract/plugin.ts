import type { FieldMismatch } from '../../util/matching';

/**
 * One intercepted call, as the verifier keeps it on its timeline. `fields` are what an assertion is
 * compared to; the verifier never looks inside them, only the plugin that recorded them does.
 */
export interface Interaction<Fields = unknown> {
  /** 1 for the first call a verifier recorded, across all its plugins. */
  readonly sequence: number;
  readonly plugin: Plugin<Fields>;
  readonly fields: Fields;
}

/** Plain data for error payloads: safe to print and serialise, no references into the verifier. */
export interface InteractionSummary {
  readonly sequence: number;
  readonly [field: string]: unknown;
}

/** A required mock that no call used, as plain data: the plugin's own fields and where it was registered. */
export interface UnusedMockSummary {
  /** The `file:line:column` of the registration. */
  readonly registeredAt: string;
  readonly [field: string]: unknown;
}

/** An unused mock as a plugin reports it: plain data, and its line in the verification report. */
export interface UnusedMock {
  readonly summary: UnusedMockSummary;
  readonly description: string;
  /** How to fix it, said once after the list: `Make the code under test call them, or remove them.` */
  readonly advice?: string;
}

/**
 * What kind of call a violation was. The AWS plugin's: `'unmocked'` (no mock left), `'guarded'` (outside
 * any sandbox while the guard is on), `'post-sandbox'` (after `run` settled), `'escaped'` (an SDK request
 * that reached the network layer), `'invalid-params'` (params the service would refuse). Other plugins may
 * add their own.
 */
export type ViolationKind =
  | 'unmocked'
  | 'guarded'
  | 'post-sandbox'
  | 'escaped'
  | 'invalid-params'
  | (string & Record<never, never>);

/** A call that was thrown into the code under test and remembered, as plain data. */
export interface ViolationSummary {
  readonly kind: ViolationKind;
  /** The message that was thrown. */
  readonly message: string;
  readonly [field: string]: unknown;
}

export type GuardLevel = 'error' | 'warn' | 'off';

/** One setting a plugin adds to `configure()`. */
export interface SettingSpec {
  readonly default: unknown;
  /**
   * `undefined` when the value is valid, else what the error says after `configure({ name }) `:
   * `takes true or false, not ${described}`. `described` is the value as messages describe it.
   */
  check(value: unknown, described: string): string | undefined;
  /** How to set it, for messages: `validate: false`. */
  readonly example: string;
}

/** A plugin's settings, by name; `configure({ name: value })` sets them on one verifier. */
export type SettingSpecs = Readonly<Record<string, SettingSpec>>;

/** The part of a verifier a plugin may use: record, remember, assert, and ask about sandboxes. */
export interface PluginHost {
  /** Adds the plugin to the verifier; throws `TripwireConfigError` if it already has one of that kind. */
  registerPlugin(plugin: Plugin): void;
  /** Enters an intercepted call on the timeline (when it is made, not when it settles). */
  recordInteraction<Fields>(plugin: Plugin<Fields>, fields: Fields): void;
  /** Remembers a call that failed the test whatever the code did with its error (unmocked, guarded, ...). */
  rememberViolation(violation: ViolationSummary): void;
  /** Consumes the interaction an assertion names, or throws with the differences and the timeline. */
  assertInteraction<Fields, Expected>(plugin: Plugin<Fields, Expected>, expected: Expected): void;
  /** The plugin's first unasserted interaction that the predicate accepts, in recording order. */
  findUnasserted<Fields>(
    plugin: Plugin<Fields>,
    predicate: (interaction: Interaction<Fields>) => boolean,
  ): Interaction<Fields> | undefined;
  /** Throws `AssertionInsideSandboxError` while a sandbox of this verifier is open. */
  ensureNoOpenSandbox(action: string): void;
  /** Throws `TripwireConfigError` once the verifier has been disposed (`using`), naming `action`. */
  ensureUsable(action: string): void;
  /**
   * The plugin's settings on this verifier, from its `settings` specs: one object for the verifier's life,
   * which `configure()` updates, so a plugin may keep it and read it on every call.
   */
  settingsOf(plugin: Plugin): Readonly<Record<string, unknown>>;
  /** How test code refers to this verifier, for paste-ready hints: `tripwire` in a test, else `verifier`. */
  readonly hintName: string;
}

/**
 * The contract between the verifier and a plugin. The verifier knows plugins only through it, so a new
 * plugin (HTTP, logging, a key-value store, ...) needs no change to the verifier. `Fields` is what the plugin
 * records for each call, `Expected` what its assertions pass to `host.assertInteraction`.
 */
export interface Plugin<Fields = unknown, Expected = unknown> {
  /** Short lower-case name, also the accessor on the module-level `tripwire` object (`tripwire.aws`). */
  readonly name: string;
  /** Settings the plugin adds to `configure()`, if any. */
  readonly settings?: SettingSpecs;
  /** A sandbox or a guard of its verifier opens: intercept (every activate is paired with a deactivate). */
  activate(): void;
  /** Undoes one `activate()`. */
  deactivate(): void;
  /** `s3.GetObject({ Bucket: 'b' })` */
  formatInteraction(interaction: Interaction<Fields>): string;
  /** What an assertion expects, in the same form: `s3.GetObject({ Bucket: 'b' })`. */
  formatExpected(expected: Expected): string;
  /** A ready-to-paste assertion for the interaction, built from its recorded values. */
  assertHint(interaction: Interaction<Fields>): string;
  /** Fields of `expected` that differ from the interaction (an empty list means it matches). */
  matchFields(interaction: Interaction<Fields>, expected: Expected): FieldMismatch[];
  /** Fields the interaction recorded that `expected` must name but does not. */
  missingFields(interaction: Interaction<Fields>, expected: Expected): string[];
  /**
   * Optional: a key such that an assertion can only match interactions with the same key (the AWS plugin
   * uses the call's name and canonical params). Lets any-order assertions look candidates up instead of
   * scanning the timeline. `undefined` when the value cannot be keyed.
   */
  assertionKey?(interaction: Interaction<Fields>): string | undefined;
  /** Optional: the key of what an assertion expects, comparable with `assertionKey`. */
  expectedKey?(expected: Expected): string | undefined;
  /** Plain data for error payloads. */
  summarize(interaction: Interaction<Fields>): InteractionSummary;
  /** Required mocks never consumed, each with a line for the report. */
  unusedMocks(): UnusedMock[];
  /** Optional: lets go of the plugin's mocks and caches when its verifier is disposed. */
  release?(): void;
  /** Optional: record and update modes (`verifier.record(fn)`, `configure({ mode })`). */
  readonly recorder?: PluginRecorder<Fields>;
}

/** Creates a verifier's plugin of one kind, for plugins a verifier enables without being asked. */
export interface PluginKind<P extends Plugin = Plugin> {
  readonly name: string;
  readonly settings?: SettingSpecs;
  /** Makes the verifier's plugin of this kind; the plugin registers itself on `host`. */
  create(host: PluginHost): P;
}

// Record and update modes

/** A named import that recorded code needs: `{ from: '@aws-sdk/client-s3', names: ['GetObjectCommand'] }`. */
export interface RecordedImport {
  readonly from: string;
  readonly names: readonly string[];
}

/**
 * Test code written from calls that went to the real service. Each statement is complete and may span lines
 * (2-space indent inside), written with the verifier's `hintName` (`tripwire.aws.mockCall(...)`).
 */
export interface RecordedCode {
  /** Registrations for before the sandbox, in call order: `tripwire.aws.mockCall('s3', 'GetObject', { ... });` */
  readonly before: readonly string[];
  /** Assertions for after it, in call order; calls that overlapped in time as one `tripwire.inAnyOrder(() => { ... });`. */
  readonly after: readonly string[];
  /** Named imports the statements need (the typed form's command classes). */
  readonly imports: readonly RecordedImport[];
  /** What was redacted or normalised, and why, printed as comments: `SecretString redacted`. */
  readonly notes: readonly string[];
  /** What the calls went to, one line each: `s3 at http://127.0.0.1:4569 (@aws-sdk/client-s3 3.1169.0)`. */
  readonly recordedAgainst: readonly string[];
}

/** How recorded code is written. */
export interface CodeOptions {
  /**
   * The typed form (`mockCall(GetObjectCommand, ...)`, with its import): `true` for every call, or the names of
   * the command classes to write typed (those the test file imports already). Default: the string form.
   */
  readonly typed?: boolean | readonly string[];
  /** Replace secrets (credentials, secret values, plaintexts) with placeholders. Default `true`. */
  readonly redact?: boolean;
}

/** Options of `verifier.record(fn, options)`. */
export interface RecordOptions extends CodeOptions {
  /** Record although `CI` is set (as `TRIPWIRE_RECORD_ALLOW_CI=1` does). Default `false`: refused in CI. */
  readonly allowInCI?: boolean;
  /** Print the text to standard output. Default `true`. */
  readonly print?: boolean;
  /**
   * Write the text to a file: a path (relative to the directory of the file that called `record`), or `true`
   * for `<that file>.recorded.ts` beside it. Default: nothing is written.
   */
  readonly file?: string | boolean;
}

/** What `verifier.record(fn)` resolves to. */
export interface RecordResult<T> {
  /** What `fn` returned. */
  readonly value: T;
  readonly code: RecordedCode;
  /** The code as one formatted text, with a header comment (when, against what, notes) and the imports. */
  readonly text: string;
  /** The absolute path the text was written to, when `options.file` asked for it. */
  readonly file?: string;
}

/** What a recorder is told when a recording starts. */
export interface RecorderStart extends CodeOptions {
  /**
   * Also enter each captured call on the verifier's timeline (`host.recordInteraction`), so that assertions in the test
   * check the real calls: a `run()` in record mode. `record(fn)` keeps them off it.
   */
  readonly onTimeline: boolean;
}

/**
 * A plugin's record and update modes, optional: calls routed with mode `'record'` go to the real service and
 * are captured; in update mode (`settings.mode === 'update'`) a call with no mock goes there too.
 */
export interface PluginRecorder<Fields = unknown> {
  /** A recording sandbox of its verifier opens. */
  start(options: RecorderStart): void;
  /** It closes: the code for every call captured since `start`, which forgets them. */
  stop(options: CodeOptions): RecordedCode;
  /**
   * Update mode: registrations for the calls let through for want of a mock, and assertions for `unasserted`
   * (this plugin's unasserted interactions, in order).
   */
  missingCode(unasserted: readonly Interaction<Fields>[], options: CodeOptions): RecordedCode;
}
