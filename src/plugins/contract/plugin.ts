import type { InteractionSummary, UnusedMockSummary, ViolationSummary } from '../verifier/errors';
import type { FieldMismatch } from '../verifier/matching';

/**
 * One intercepted call, as the verifier keeps it on its timeline. `fields` are what an assertion is
 * compared to; the verifier never looks inside them, only the plugin that recorded them does.
 */
export interface Interaction {
  readonly sequence: number;
  readonly plugin: Plugin;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The part of a verifier a plugin may use: record, remember, assert, and ask about sandboxes. */
export interface PluginHost {
  /** Adds the plugin to the verifier; throws `TripwireConfigError` if it already has one of that kind. */
  registerPlugin(plugin: Plugin): void;
  /** Enters an intercepted call on the timeline (when `send` is called, not when it settles). */
  record(plugin: Plugin, fields: Record<string, unknown>): void;
  /** Remembers a call that failed the test whatever the code did with its error (unmocked, guarded, ...). */
  rememberViolation(violation: ViolationSummary): void;
  /** Consumes the interaction an assertion names, or throws with the differences and the timeline. */
  assertInteraction(plugin: Plugin, expected: Readonly<Record<string, unknown>>): void;
  /** The first unasserted interaction the predicate accepts, in recording order. */
  findUnasserted(predicate: (interaction: Interaction) => boolean): Interaction | undefined;
  /** Throws `AssertionInsideSandboxError` while a sandbox of this verifier is open. */
  ensureNoOpenSandbox(action: string): void;
  /** Throws `TripwireConfigError` once the verifier has been disposed (`using`), naming `action`. */
  ensureUsable(action: string): void;
  readonly settings: Readonly<VerifierSettings>;
  /** How test code refers to this verifier, for paste-ready hints: `tripwire` in a test, else `verifier`. */
  readonly hintName: string;
}

export type GuardLevel = 'error' | 'warn' | 'off';

/** A verifier's settings, changed with `configure()`. */
export interface VerifierSettings {
  /** What an SDK call outside any sandbox does while the guard is on. */
  guard: GuardLevel;
  /** Check mocked outputs and the params of calls against the installed SDK's service model. */
  validate: boolean;
}

/**
 * The contract between the verifier and a plugin. The verifier knows plugins only through it, so a new
 * plugin (HTTP, logging, ...) needs no change to the verifier.
 */
export interface Plugin {
  /** Short lower-case name, also the accessor on the module-level `tripwire` object (`tripwire.aws`). */
  readonly name: string;
  /** Install interception (reference-counted by the plugin: every activate is paired with a deactivate). */
  activate(): void;
  /** Undoes one `activate()`; the last one removes interception exactly. */
  deactivate(): void;
  /** `s3.GetObject({ Bucket: 'b' })` */
  formatInteraction(interaction: Interaction): string;
  /** What an assertion expects, in the same form: `s3.GetObject({ Bucket: 'b' })`. */
  formatExpected(expected: Readonly<Record<string, unknown>>): string;
  /** A ready-to-paste assertion for the interaction, built from its recorded values. */
  assertHint(interaction: Interaction): string;
  /** Fields of `expected` that differ from the interaction (an empty list means it matches). */
  matchFields(interaction: Interaction, expected: Readonly<Record<string, unknown>>): FieldMismatch[];
  /** Fields the interaction recorded that `expected` must name but does not. */
  missingFields(interaction: Interaction, expected: Readonly<Record<string, unknown>>): string[];
  /**
   * Optional: a key such that an assertion can only match interactions with the same key (the AWS plugin
   * uses the call's name and canonical params). Lets any-order assertions look candidates up instead of
   * scanning the timeline. `undefined` when the value cannot be keyed.
   */
  assertionKey?(interaction: Interaction): string | undefined;
  /** Optional: the key of what an assertion expects, comparable with `assertionKey`. */
  expectedKey?(expected: Readonly<Record<string, unknown>>): string | undefined;
  /** Plain data for error payloads. */
  summarize(interaction: Interaction): InteractionSummary;
  /** Required mocks never consumed, each with a hint line. */
  unusedMocks(): Array<{ summary: UnusedMockSummary; description: string }>;
  /** Optional: lets go of the plugin's mocks and caches when its verifier is disposed. */
  release?(): void;
}

export type PluginFactory = (host: PluginHost) => Plugin;
