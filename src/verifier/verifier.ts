import type { GuardLevel, Interaction, Plugin, PluginHost, VerifierSettings } from '../plugins/plugin';
import { describeValue, isClass } from '../util/describe-value';
import { currentAnyOrderBlock, runInAnyOrder } from './any-order';
import { assertInteraction } from './assertions';
import { AssertionInsideSandboxError, TripwireConfigError, type ViolationSummary } from './errors';
import { definedPluginNames, pluginFactory } from './plugin-registry';
import { openScope, pushGuard, type RouteTarget, removeGuard, runInScope } from './sandbox';
import { type ConfigureOptions, readConfigureOptions } from './settings';
import { Timeline } from './timeline';
import { verificationError } from './verification';

export type { ConfigureOptions } from './settings';

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
 * only through the `Plugin` contract.
 */
export class Verifier implements PluginHost, RouteTarget, Disposable {
  readonly settings: VerifierSettings = { guard: 'error', validate: true };
  /** How test code refers to this verifier in paste-ready hints; the test-runner setups make it `tripwire`. */
  hintName = 'verifier';
  private readonly plugins = new Map<string, Plugin>();
  private readonly state: VerifierState = {
    timeline: new Timeline(),
    violations: [],
    openSandboxes: 0,
    verified: false,
    disposed: false,
  };

  constructor() {
    // Methods work detached: `const { run, verifyAll } = verifier`, `afterEach(verifier.verifyAll)`.
    this.run = this.run.bind(this);
    this.inAnyOrder = this.inAnyOrder.bind(this);
    this.verifyAll = this.verifyAll.bind(this);
    this.configure = this.configure.bind(this);
  }

  /** What an SDK call outside any sandbox does while this verifier's guard is on. */
  get guardLevel(): GuardLevel {
    return this.settings.guard;
  }

  /** Called by a plugin's constructor. A verifier has at most one plugin of each kind. */
  registerPlugin(plugin: Plugin): void {
    if (this.plugins.has(plugin.name)) {
      throw new TripwireConfigError(
        `This verifier already has its '${plugin.name}' plugin; a second one would never see a call. ` +
          `Use the existing one: verifier.${plugin.name}`,
      );
    }
    this.plugins.set(plugin.name, plugin);
  }

  /** The plugin of that kind, created on first use. */
  pluginByName(name: string): Plugin {
    const existing = this.plugins.get(name);
    if (existing !== undefined) return existing;
    const factory = pluginFactory(name);
    if (factory === undefined) throw new TripwireConfigError(`No plugin named '${name}' is defined.`);
    const plugin = factory(this);
    if (!this.plugins.has(name)) this.registerPlugin(plugin);
    return plugin;
  }

  /** Runs `fn` with interception on; every AWS call inside is served from the mocks and recorded. */
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
      plugins = this.activateAll();
      return await runInScope(scope, fn);
    } finally {
      scope.open = false;
      this.state.openSandboxes--;
      this.deactivateAll(plugins);
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
      unused: [...this.plugins.values()].flatMap((plugin) => plugin.unusedMocks()),
      violations: this.state.violations,
    });
    if (error !== undefined) throw error;
  }

  /** Changes this verifier's settings (`guard`, `validate`); bad input changes nothing. */
  configure(options: ConfigureOptions): void {
    this.ensureUsable('configure()');
    Object.assign(this.settings, readConfigureOptions(options, this.hintName));
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
      for (const plugin of this.plugins.values()) plugin.release?.();
    }
  }

  /**
   * Turns the guard on for this verifier: SDK calls outside any sandbox are handled by `settings.guard`.
   * Returns the function that turns it off. Used by the test-runner setups.
   */
  startGuard(): () => void {
    this.ensureUsable('startGuard()');
    const plugins = this.activateAll();
    pushGuard(this);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      removeGuard(this);
      this.deactivateAll(plugins);
    };
  }

  // PluginHost

  /** @inheritDoc */
  record(plugin: Plugin, fields: Record<string, unknown>): void {
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
  assertInteraction(plugin: Plugin, expected: Readonly<Record<string, unknown>>): void {
    this.ensureNoOpenSandbox('Asserting');
    const { timeline } = this.state;
    assertInteraction(timeline, plugin, expected, currentAnyOrderBlock(timeline));
  }

  /** @inheritDoc */
  findUnasserted(predicate: (interaction: Interaction) => boolean): Interaction | undefined {
    return this.state.timeline.find(predicate);
  }

  ensureNoOpenSandbox(action: string): void {
    if (this.state.openSandboxes > 0) {
      throw new AssertionInsideSandboxError(
        `${action} while a sandbox of this verifier is still open. Move it after the sandbox:\n` +
          `  await ${this.hintName}.run(async () => { /* code under test */ });\n` +
          `  ${this.hintName}.aws.assertAwsCall({ service: '...', operation: '...', params: { /* ... */ } });`,
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

  private activateAll(): Plugin[] {
    const activated: Plugin[] = [];
    try {
      for (const name of definedPluginNames()) {
        const plugin = this.pluginByName(name);
        plugin.activate();
        activated.push(plugin);
      }
    } catch (error) {
      this.deactivateAll(activated);
      throw error;
    }
    return activated;
  }

  private deactivateAll(plugins: Plugin[]): void {
    for (const plugin of plugins) plugin.deactivate();
  }
}
