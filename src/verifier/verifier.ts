import type { GuardLevel, Interaction, Plugin, PluginHost, VerifierSettings } from '../plugins/plugin';
import { isPlainObject } from '../util/values';
import { assertInteraction } from './assertions';
import { AssertionInsideSandboxError, TripwireConfigError, type ViolationSummary } from './errors';
import { definedPluginNames, pluginFactory } from './plugin-registry';
import { openScope, pushGuard, type RouteTarget, removeGuard, runInScope } from './sandbox';
import { Timeline } from './timeline';
import { verificationError } from './verification';

export interface ConfigureOptions {
  /** What an SDK call outside any sandbox does while the test-runner guard is on. Default `'error'`. */
  guard?: GuardLevel;
  /**
   * Check mocked outputs (at registration) and call params (at call time) against the installed SDK's
   * service model, where the SDK line has one. Default `true`.
   */
  validate?: boolean;
}

const GUARD_LEVELS: readonly GuardLevel[] = ['error', 'warn', 'off'];

/**
 * Owns plugins, one timeline of every intercepted call, and the remembered violations. Knows plugins
 * only through the `Plugin` contract.
 */
export class Verifier implements PluginHost, RouteTarget {
  readonly settings: VerifierSettings = { guard: 'error', validate: true };
  /** How test code refers to this verifier in paste-ready hints; the test-runner setups make it `tripwire`. */
  hintName = 'verifier';
  private readonly plugins = new Map<string, Plugin>();
  private readonly timeline = new Timeline();
  private readonly violations: ViolationSummary[] = [];
  private openSandboxes = 0;
  private anyOrderDepth = 0;

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
    if (typeof fn !== 'function') {
      throw new TripwireConfigError(
        `run() takes a function: await ${this.hintName}.run(async () => { /* code under test */ });`,
      );
    }
    const scope = openScope(this);
    const plugins = this.activateAll();
    this.openSandboxes++;
    try {
      return await runInScope(scope, fn);
    } finally {
      scope.open = false;
      this.openSandboxes--;
      this.deactivateAll(plugins);
    }
  }

  /** Inside `fn`, each assertion may match any unasserted interaction instead of the next one. */
  inAnyOrder<T>(fn: () => T): T {
    if (typeof fn !== 'function') {
      throw new TripwireConfigError(
        `inAnyOrder() takes a function: ${this.hintName}.inAnyOrder(() => { /* assertions */ });`,
      );
    }
    this.anyOrderDepth++;
    let result: T;
    try {
      result = fn();
    } catch (error) {
      this.anyOrderDepth--;
      throw error;
    }
    if (result instanceof Promise) {
      return result.finally(() => {
        this.anyOrderDepth--;
      }) as T;
    }
    this.anyOrderDepth--;
    return result;
  }

  /**
   * Throws a `VerificationError` (or `UnassertedInteractionsError` / `UnusedMocksError` when that is the
   * only kind of problem) for anything left over. Only checks: it changes nothing and may be called again.
   */
  verifyAll(): void {
    this.ensureNoOpenSandbox('verifyAll()');
    const error = verificationError({
      unasserted: this.timeline.unasserted(),
      unused: [...this.plugins.values()].flatMap((plugin) => plugin.unusedMocks()),
      violations: this.violations,
    });
    if (error !== undefined) throw error;
  }

  /** Changes this verifier's settings (`guard`, `validate`); bad input changes nothing. */
  configure(options: ConfigureOptions): void {
    if (!isPlainObject(options as unknown)) {
      throw new TripwireConfigError(
        `configure() takes an options object: ${this.hintName}.configure({ guard: 'warn' });`,
      );
    }
    const unknown = Object.keys(options).filter((key) => key !== 'guard' && key !== 'validate');
    if (unknown.length > 0) {
      throw new TripwireConfigError(
        `configure() does not know ${unknown.map((key) => `'${key}'`).join(', ')}. Its options: guard ('error' | 'warn' | 'off'), validate (boolean).`,
      );
    }
    const validate: unknown = options.validate;
    if (validate !== undefined && typeof validate !== 'boolean') {
      throw new TripwireConfigError(
        `configure({ validate: ${JSON.stringify(validate)} }) takes true or false.`,
      );
    }
    const guard: unknown = options.guard;
    if (guard !== undefined && !GUARD_LEVELS.includes(guard as GuardLevel)) {
      throw new TripwireConfigError(
        `configure({ guard: ${JSON.stringify(guard)} }) is not a guard level. Use 'error' (default), 'warn' or 'off'.`,
      );
    }
    if (guard !== undefined) this.settings.guard = guard as GuardLevel;
    if (validate !== undefined) this.settings.validate = validate;
  }

  /**
   * Turns the guard on for this verifier: SDK calls outside any sandbox are handled by `settings.guard`.
   * Returns the function that turns it off. Used by the Jest and Vitest setups.
   */
  startGuard(): () => void {
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
    this.timeline.append(plugin, fields);
  }

  /** @inheritDoc */
  rememberViolation(violation: ViolationSummary): void {
    this.violations.push(violation);
  }

  /** @inheritDoc */
  assertInteraction(plugin: Plugin, expected: Readonly<Record<string, unknown>>): void {
    this.ensureNoOpenSandbox('Asserting');
    assertInteraction(this.timeline, plugin, expected, this.anyOrderDepth > 0);
  }

  /** @inheritDoc */
  findUnasserted(predicate: (interaction: Interaction) => boolean): Interaction | undefined {
    return this.timeline.find(predicate);
  }

  ensureNoOpenSandbox(action: string): void {
    if (this.openSandboxes > 0) {
      throw new AssertionInsideSandboxError(
        `${action} while a sandbox of this verifier is still open. Move it after the sandbox:\n` +
          `  await ${this.hintName}.run(async () => { /* code under test */ });\n` +
          `  ${this.hintName}.aws.assertAwsCall({ service: '...', operation: '...', params: { /* ... */ } });`,
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
