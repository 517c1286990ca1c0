import { AssertionInsideSandboxError, TripwireConfigError, type ViolationSummary } from '../errors';
import type {
  GuardLevel,
  Interaction,
  Plugin,
  PluginHost,
  PluginKind,
  SettingSpecs,
} from '../plugins/contract/plugin';
import type { RouteTarget } from '../plugins/contract/routing';
import { describeValue, isClass } from '../util/describe-value';
import { currentAnyOrderBlock, runInAnyOrder } from './any-order';
import { assertInteraction } from './assertions';
import { deactivateAll, PluginSet } from './plugin-set';
import { openScope, pushGuard, removeGuard, runInScope } from './sandbox';
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
}

/**
 * Owns plugins, one timeline of every intercepted call, and the remembered violations. Knows plugins
 * only through the `Plugin` contract. `kinds` are plugins it enables itself, created when first needed;
 * other plugins enable themselves on it by registering (`new MyPlugin(verifier)`).
 */
export class Verifier implements PluginHost, RouteTarget, Disposable {
  /**
   * Every setting, the verifier's (`guard`) and those its plugins add, as
   * `configure()` left them.
   */
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
  };

  constructor(kinds: readonly PluginKind[] = []) {
    this.plugins = new PluginSet(this, kinds);
    this.settings = defaultSettings(this.settingSpecs());
    // Methods work detached: `const { run, verifyAll } = verifier`, `afterEach(verifier.verifyAll)`.
    this.run = this.run.bind(this);
    this.inAnyOrder = this.inAnyOrder.bind(this);
    this.verifyAll = this.verifyAll.bind(this);
    this.configure = this.configure.bind(this);
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

  /** Runs `fn` with interception on: every intercepted call inside is served from the mocks and recorded. */
  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    this.ensureUsable('run()');
    if (typeof fn !== 'function' || isClass(fn)) {
      throw new TripwireConfigError(
        `run() takes a function, not ${describeValue(fn)}: await ${this.hintName}.run(async () => { /* code under test */ });`,
      );
    }
    const scope = openScope(this);
    let plugins: Plugin[] = [];
    this.state.openSandboxes++;
    this.state.verified = false;
    try {
      plugins = this.plugins.activateAll();
      return await runInScope(scope, fn);
    } finally {
      scope.open = false;
      this.state.openSandboxes--;
      deactivateAll(plugins);
    }
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
    const error = verificationError({
      unasserted: this.state.timeline.unasserted(),
      unused: this.plugins.existing().flatMap((plugin) => plugin.unusedMocks()),
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
    return { guard: GUARD_SETTING, ...this.plugins.settingSpecs() };
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
  record<Fields>(plugin: Plugin<Fields>, fields: Fields): void {
    this.state.timeline.append(plugin, fields);
  }

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
