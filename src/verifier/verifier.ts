import { AssertionInsideSandboxError, TripwireConfigError, type ViolationSummary } from '../errors';
import type {
  CodeOptions,
  GuardLevel,
  Interaction,
  Plugin,
  PluginHost,
  PluginKind,
  RecordedCode,
  RecordOptions,
  RecordResult,
  SettingSpecs,
} from '../plugins/contract/plugin';
import type { RouteTarget } from '../plugins/contract/routing';
import { CallSite } from '../util/call-site';
import { describeValue, isClass } from '../util/describe-value';
import { currentAnyOrderBlock, runInAnyOrder } from './any-order';
import { assertInteraction } from './assertions';
import { deactivateAll, PluginSet } from './plugin-set';
import { missingCode, type RecordingContext, recordCalls, recordingRun } from './recording';
import { mergeCode } from './recording-code';
import { type RunSite, runSiteOf } from './recording-options';
import { MODE_SETTING, type VerifierMode } from './recording-settings';
import { checkSandboxFunction, pushGuard, removeGuard, runSandbox } from './sandbox';
import { defaultSettings, GUARD_SETTING, readConfigureOptions } from './settings';
import { Timeline } from './timeline';
import { verificationError } from './verification';

/** What a verifier changes as it is used, in one object so that a frozen verifier still works. */
interface VerifierState {
  timeline: Timeline;
  violations: ViolationSummary[];
  openSandboxes: number;
  /** `verifyAll()` has run and no sandbox has opened since: a violation remembered now fails nothing. */
  verified: boolean;
  disposed: boolean;
  /** Where each `run(` was called, in order; the code from the sandboxes run in record mode. */
  runSites: CallSite[];
  recorded: RecordedCode[];
}

/**
 * Owns plugins, one timeline of every intercepted call, and the remembered violations. Knows plugins
 * only through the `Plugin` contract. `kinds` are plugins it enables itself, created when first needed;
 * other plugins enable themselves on it by registering (`new MyPlugin(verifier)`).
 */
export class Verifier implements PluginHost, RouteTarget, Disposable {
  /** Every setting, the verifier's (`guard`, `mode`) and those its plugins add, as `configure()` left them. */
  readonly settings: Record<string, unknown>;
  /** How test code refers to this verifier in paste-ready hints; the test-runner setups make it `tripwire`. */
  hintName = 'verifier';
  private readonly plugins: PluginSet;
  private readonly state: VerifierState = {
    timeline: new Timeline(),
    violations: [],
    openSandboxes: 0,
    verified: false,
    disposed: false,
    runSites: [],
    recorded: [],
  };

  constructor(kinds: readonly PluginKind[] = []) {
    this.plugins = new PluginSet(this, kinds);
    this.settings = defaultSettings(this.settingSpecs());
    // Methods work detached: `const { run, verifyAll } = verifier`, `afterEach(verifier.verifyAll)`.
    this.run = this.run.bind(this);
    this.inAnyOrder = this.inAnyOrder.bind(this);
    this.verifyAll = this.verifyAll.bind(this);
    this.configure = this.configure.bind(this);
    this.record = this.record.bind(this);
  }

  /** What a call outside any sandbox does while this verifier's guard is on. */
  get guardLevel(): GuardLevel {
    return this.settings.guard as GuardLevel;
  }

  /** Called by a plugin's constructor. A verifier has at most one plugin of each kind. */
  registerPlugin(plugin: Plugin): void {
    this.plugins.register(plugin);
    for (const [name, spec] of Object.entries(plugin.settings ?? {})) {
      if (!(name in this.settings)) this.settings[name] = spec.default;
    }
    // `verifier.kv`, as the plugin's paste-ready hints say; built-in accessors (`aws`) are getters already.
    if (!(plugin.name in this)) {
      Object.defineProperty(this, plugin.name, { get: () => plugin, enumerable: false, configurable: true });
    }
  }

  /** The plugin of that kind, if this verifier has or enables one. */
  pluginByName(name: string): Plugin | undefined {
    return this.plugins.get(name);
  }

  /**
   * Runs `fn` with interception on: every intercepted call inside is served from the mocks and recorded. In
   * record mode (`configure({ mode: 'record' })`) the calls go to the real services instead and are captured
   * (see `recordedCode()`); in update mode, only those with no mock do.
   */
  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    this.ensureUsable('run()');
    this.state.runSites.push(new CallSite());
    checkSandboxFunction(fn, 'run', 'code under test', this.hintName);
    if (this.mode !== 'record') return this.sandbox(fn, false);
    return recordingRun(this.recordingContext(), fn, (code) => this.state.recorded.push(code));
  }

  /**
   * Runs `fn` with every intercepted call going to the real service (whatever endpoint its client has), and
   * writes the strict test code for them: registrations, assertions, imports, notes. Refused in CI unless
   * allowed. The calls are captured, not entered on the timeline: nothing is left to assert afterwards.
   */
  record<T>(fn: () => T | Promise<T>, options?: RecordOptions): Promise<RecordResult<T>> {
    const site = new CallSite();
    try {
      this.ensureUsable('record()');
      checkSandboxFunction(fn, 'record', 'code to record', this.hintName);
    } catch (error) {
      return Promise.reject(error); // as `run()` does: every refusal is a rejection
    }
    return recordCalls(this.recordingContext(), fn, options, site);
  }

  /** @inheritDoc */
  recordInteraction<Fields>(plugin: Plugin<Fields>, fields: Fields): void {
    this.state.timeline.append(plugin, fields);
  }

  private recordingContext(): RecordingContext {
    const sandbox = <T>(fn: () => T | Promise<T>, recording: boolean) => this.sandbox(fn, recording);
    return { hintName: this.hintName, activateAll: () => this.plugins.activateAll(), sandbox };
  }

  private sandbox<T>(fn: () => T | Promise<T>, recording: boolean): Promise<T> {
    return runSandbox(this, this.state, () => this.plugins.activateAll(), fn, recording);
  }

  /** Where each `run(` of this verifier was called, in order: absolute file, line and column (source-mapped). */
  get runSites(): readonly RunSite[] {
    return this.state.runSites.flatMap((site) => runSiteOf(site) ?? []);
  }

  /** `configure({ mode })`: `'strict'` (default), `'record'` or `'update'`. */
  get mode(): VerifierMode {
    return this.settings.mode as VerifierMode;
  }

  /** The code for every call the sandboxes captured in record mode, in order (empty in other modes). */
  recordedCode(): RecordedCode {
    return mergeCode(this.state.recorded);
  }

  /**
   * Update mode: the registrations for the calls let through for want of a mock, and the assertions for every
   * interaction still unasserted, in order: what the test is missing to pass strictly.
   */
  missingCode(options: CodeOptions = {}): RecordedCode {
    this.ensureUsable('missingCode()');
    return missingCode(this.plugins.existing(), this.state.timeline.unasserted(), options);
  }

  /** Inside `fn`, each assertion may match any unasserted interaction instead of the next one. */
  inAnyOrder<T>(fn: () => T): T {
    this.ensureUsable('inAnyOrder()');
    if (typeof fn !== 'function' || isClass(fn)) {
      throw new TripwireConfigError(
        `inAnyOrder() takes a function, not ${describeValue(fn)}: ${this.hintName}.inAnyOrder(() => { /* assertions */ });`,
      );
    }
    return runInAnyOrder(this.state.timeline, fn);
  }

  /**
   * Throws a `VerificationError` (or `UnassertedInteractionsError` / `UnusedMocksError` when that is the
   * only kind of problem) for anything left over. Only checks: it changes nothing and may be called again.
   */
  verifyAll(): void {
    this.ensureUsable('verifyAll()');
    this.ensureNoOpenSandbox('verifyAll()');
    this.state.verified = true;
    // Record and update modes write the missing assertions (record mode: also ignores mocks real calls skipped).
    const mode = this.mode;
    const error = verificationError({
      unasserted: mode === 'strict' ? this.state.timeline.unasserted() : [],
      unused: mode === 'record' ? [] : this.plugins.existing().flatMap((plugin) => plugin.unusedMocks()),
      violations: this.state.violations,
    });
    if (error !== undefined) throw error;
  }

  /** Changes this verifier's settings (`guard`, and its plugins'); bad input changes nothing. */
  configure(options: object): void {
    this.ensureUsable('configure()');
    Object.assign(this.settings, readConfigureOptions(options, this.hintName, this.settingSpecs()));
  }

  /** The settings `configure()` knows: the guard's and those of every plugin this verifier has or enables. */
  settingSpecs(): SettingSpecs {
    return { guard: GUARD_SETTING, mode: MODE_SETTING, ...this.plugins.settingSpecs() };
  }

  /**
   * `using verifier = new StrictVerifier()`: when the block ends, runs `verifyAll()` and releases what the
   * verifier holds (its timeline, mocks and violations), even when verification fails. If the block itself
   * threw, the runtime reports both errors together (a `SuppressedError`). A disposed verifier refuses
   * further use; disposing it again does nothing.
   */
  [Symbol.dispose](): void {
    if (this.state.disposed) return;
    try {
      if (this.state.openSandboxes === 0) this.verifyAll();
    } finally {
      this.state.disposed = true;
      this.state.timeline = new Timeline();
      this.state.violations = [];
      for (const plugin of this.plugins.existing()) plugin.release?.();
    }
  }

  /**
   * Turns the guard on for this verifier: intercepted calls outside any sandbox meet `settings.guard`.
   * Returns the function that turns it off. Used by the test-runner setups.
   */
  startGuard(): () => void {
    this.ensureUsable('startGuard()');
    const plugins = this.plugins.activateAll();
    pushGuard(this);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      removeGuard(this);
      deactivateAll(plugins);
    };
  }

  // PluginHost

  /** @inheritDoc */
  rememberViolation(violation: ViolationSummary): void {
    this.state.violations.push(violation);
    if (this.state.verified || this.state.disposed) {
      // Nothing will check this verifier again: say it where the user sees it.
      process.emitWarning(
        `A call was refused after this verifier's verifyAll(), so it cannot fail that test:\n${violation.message}`,
        { type: 'TripwireWarning', code: 'TRIPWIRE_LATE_CALL' },
      );
    }
  }

  /** @inheritDoc */
  assertInteraction<Fields, Expected>(plugin: Plugin<Fields, Expected>, expected: Expected): void {
    this.ensureNoOpenSandbox('Asserting');
    const { timeline } = this.state;
    assertInteraction(timeline, plugin as Plugin, expected, currentAnyOrderBlock(timeline));
  }

  /** @inheritDoc */
  findUnasserted<Fields>(
    plugin: Plugin<Fields>,
    predicate: (interaction: Interaction<Fields>) => boolean,
  ): Interaction<Fields> | undefined {
    // An interaction's fields are those its own plugin recorded: the one place they are typed back.
    const mine = (interaction: Interaction): interaction is Interaction<Fields> =>
      interaction.plugin === plugin;
    return this.state.timeline.find((interaction) => mine(interaction) && predicate(interaction)) as
      | Interaction<Fields>
      | undefined;
  }

  /** @inheritDoc */
  settingsOf(_plugin: Plugin): Readonly<Record<string, unknown>> {
    return this.settings;
  }

  ensureNoOpenSandbox(action: string): void {
    if (this.state.openSandboxes > 0) {
      throw new AssertionInsideSandboxError(
        `${action} while a sandbox of this verifier is still open. Move it after the sandbox:\n` +
          `  await ${this.hintName}.run(async () => { /* code under test */ });\n` +
          '  // assertions and verifyAll() here, once run() has settled',
      );
    }
  }

  /** @inheritDoc */
  ensureUsable(action: string): void {
    if (this.state.disposed) {
      throw new TripwireConfigError(
        `${action} on a disposed verifier: its \`using\` block has ended (or [Symbol.dispose]() was called), ` +
          'and it was verified and released then. Create a new one: using verifier = new StrictVerifier();',
      );
    }
  }
}
