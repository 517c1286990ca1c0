import { NoActiveVerifierError } from './errors';
import { json } from './plugins/aws/asserting/json';
import type { AwsPlugin } from './plugins/aws/aws-plugin';
import type { PluginKind, RecordOptions, RecordResult } from './plugins/contract/plugin';
import { type ConfigureOptions, type StrictVerifier, strictSettings } from './strict-verifier';
import type { AsymmetricMatcher } from './util/format';
import { ANY } from './util/matching';
import { processWide } from './util/process-wide';
import { readConfigureOptions } from './verifier/settings';

export type RunnerName = 'Jest' | 'Vitest' | 'node:test';

interface RunnerState {
  runner: RunnerName | undefined;
  verifier: StrictVerifier | undefined;
  /** `configure()` called outside a test (at the top of a test file): applies to every test in the file. */
  fileSettings: ConfigureOptions;
  /** Plugins of other kinds that every test's verifier enables (`enablePluginInEachTest`). */
  readonly pluginKinds: PluginKind[];
}

// Shared by every copy of this module in the realm: a test that resets its module registry and requires
// ts-tripwire again must still find the verifier the setup made for it.
const state = processWide<RunnerState>('runner-state.v1', () => ({
  runner: undefined,
  verifier: undefined,
  fileSettings: {},
  pluginKinds: [],
}));

/** Called by each runner setup once per test file: a new file starts with no file-level settings. */
export function markRunnerSetup(runner: RunnerName): void {
  state.runner = runner;
  state.fileSettings = {};
}

export function setCurrentVerifier(verifier: StrictVerifier | undefined): void {
  state.verifier = verifier;
}

/** The verifier `tripwire` stands for now, if any: a node:test subtest's setup puts its parent's back after it. */
export function currentTestVerifier(): StrictVerifier | undefined {
  return state.verifier;
}

export function fileSettings(): ConfigureOptions {
  return state.fileSettings;
}

/** The plugin kinds every test's verifier enables besides the AWS plugin. */
export function pluginKindsOfEachTest(): readonly PluginKind[] {
  return state.pluginKinds;
}

/**
 * Makes every test's verifier, under the Jest, Vitest or node:test setup, enable a plugin of this kind, which
 * is then also `tripwire.<name>`. Call it from a setup file that runs after ts-tripwire's.
 */
export function enablePluginInEachTest(kind: PluginKind): void {
  const index = state.pluginKinds.findIndex((known) => known.name === kind.name);
  if (index >= 0) state.pluginKinds.splice(index, 1);
  state.pluginKinds.push(kind);
}

function currentVerifier(usage: string): StrictVerifier {
  if (state.verifier !== undefined) return state.verifier;
  if (state.runner !== undefined) {
    throw new NoActiveVerifierError(
      `${usage} was used outside a test. With the ${state.runner} setup each test gets its own verifier, created just before it starts: ` +
        'register mocks inside the test or in beforeEach, not at the top level of the test file.' +
        (state.runner === 'node:test'
          ? ' A subtest must be awaited (await t.test(...)): once its parent has ended, it has none.'
          : ''),
    );
  }
  throw new NoActiveVerifierError(
    `${usage} needs a current test verifier, and there is none. Either:\n` +
      "  - use it inside a test with ts-tripwire's setup: setupFilesAfterEnv: ['ts-tripwire/jest'] (Jest), setupFiles: ['ts-tripwire/vitest'] (Vitest) or node --test --import ts-tripwire/node-test (node:test); or\n" +
      "  - create a verifier yourself: import { StrictVerifier } from 'ts-tripwire'; const verifier = new StrictVerifier(); verifier.aws.mockCall(...); await verifier.run(...); verifier.verifyAll();",
  );
}

/**
 * The module-level object: the current test's verifier, seen through getters. A plugin enabled in each test
 * is there under its name too (`tripwire.kv`): declare it for TypeScript by augmenting this interface.
 */
export interface Tripwire {
  /** Runs `fn` in the current test's sandbox. */
  run<T>(fn: () => T | Promise<T>): Promise<T>;
  /** Runs `fn` against the real services and returns the strict test code for its calls: see {@link StrictVerifier.record}. */
  record<T>(fn: () => T | Promise<T>, options?: RecordOptions): Promise<RecordResult<T>>;
  /** Inside `fn`, each assertion may match any unasserted interaction instead of the next one. */
  inAnyOrder<T>(fn: () => T): T;
  /** Checks now what the setup checks after the test: see {@link StrictVerifier.verifyAll}. */
  verifyAll(): void;
  /** In a test: that test. At the top of a test file: every test in the file. */
  configure(options: ConfigureOptions): void;
  readonly aws: AwsPlugin;
  readonly verifier: StrictVerifier;
  /** Matches any value. A constant: works anywhere, with or without a verifier. */
  readonly ANY: AsymmetricMatcher;
  /**
   * Matches a JSON string or UTF-8 bytes param by its parsed value: `tripwire.json({ id: 1 })` (exact) or
   * `tripwire.json(expect.objectContaining({ id: 1 }))`. Works anywhere, with or without a verifier.
   */
  json(expected: unknown): AsymmetricMatcher;
}

const methods = Object.freeze({
  run: <T>(fn: () => T | Promise<T>) => currentVerifier('tripwire.run()').run(fn),
  record: <T>(fn: () => T | Promise<T>, options?: RecordOptions) =>
    currentVerifier('tripwire.record()').record(fn, options),
  inAnyOrder: <T>(fn: () => T) => currentVerifier('tripwire.inAnyOrder()').inAnyOrder(fn),
  verifyAll: () => currentVerifier('tripwire.verifyAll()').verifyAll(),
  configure(options: ConfigureOptions) {
    if (state.verifier === undefined && state.runner !== undefined) {
      // Checked here, so bad input fails once and not in every test of the file; the checked copy is kept.
      state.fileSettings = {
        ...state.fileSettings,
        ...readConfigureOptions(options, 'tripwire', strictSettings(state.pluginKinds)),
      };
      return;
    }
    currentVerifier('tripwire.configure()').configure(options);
  },
  get aws() {
    return currentVerifier('tripwire.aws').aws;
  },
  get verifier() {
    return currentVerifier('tripwire.verifier');
  },
  ANY,
  json,
});

/** `tripwire`, plus the current verifier's other plugins by name. */
// Typed as `Tripwire`, which plugins augment with their accessors (`tripwire.kv`), served by the proxy.
export const tripwire = new Proxy(methods, {
  get(target, key, receiver) {
    if (typeof key !== 'string' || key in target) return Reflect.get(target, key, receiver);
    return state.verifier?.pluginByName(key);
  },
}) as Tripwire;
