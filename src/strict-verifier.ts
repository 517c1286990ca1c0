import { TripwireConfigError } from './errors';
import { AwsPlugin } from './plugins/aws/aws-plugin';
import { AWS_SETTINGS } from './plugins/aws/aws-settings';
import type { GuardLevel, PluginKind, SettingSpecs } from './plugins/contract/plugin';
import { ANY } from './util/matching';
import { MODE_SETTING, type VerifierMode } from './verifier/recording-settings';
import { GUARD_SETTING } from './verifier/settings';
import { Verifier } from './verifier/verifier';

/**
 * Options for `tripwire.configure(...)` and `verifier.configure(...)`: `guard` ({@link GuardLevel}) and
 * `validate` (check mocked outputs and call params against the installed SDK's service model; default
 * `true`). Called inside a test, they apply to that test; at the top of a test file, to every test in it.
 */
export interface ConfigureOptions {
  /** What an SDK call outside any sandbox does while the test-runner guard is on. Default `'error'`. */
  guard?: GuardLevel;
  /**
   * Check mocked outputs (at registration) and call params (at call time) against the installed SDK's
   * service model, where the SDK line has one. Default `true`.
   */
  validate?: boolean;
  /**
   * `'strict'` (default): sandboxes serve calls from the mocks. `'record'`: every call goes to the real service
   * and is captured (`verifier.recordedCode()`). `'update'`: only calls with no mock do, and
   * `verifier.missingCode()` writes what the test lacks. Both are refused when `CI` is set, unless
   * `TRIPWIRE_RECORD_ALLOW_CI=1`.
   */
  mode?: VerifierMode;
}

/** Options of `new StrictVerifier(...)`. */
export interface StrictVerifierOptions {
  /** Plugins of other kinds to enable on this verifier, beside the built-in AWS plugin. */
  readonly plugins?: readonly PluginKind[];
}

/** The plugins every `StrictVerifier` enables: its sandboxes intercept AWS calls even before `aws` is used. */
const BUILT_IN: readonly PluginKind[] = [
  { name: 'aws', settings: AWS_SETTINGS, create: (host) => new AwsPlugin(host) },
];

/** Every setting a `StrictVerifier` with these plugins knows, for `configure()` at the top of a test file. */
export function strictSettings(plugins: readonly PluginKind[]): SettingSpecs {
  return Object.assign(
    { guard: GUARD_SETTING, mode: MODE_SETTING, ...AWS_SETTINGS },
    ...plugins.map((kind) => kind.settings),
  );
}

/**
 * A verifier with ts-tripwire's built-in plugins at hand: `verifier.aws` gets (or creates) its AWS plugin.
 *
 * ```ts
 * const verifier = new StrictVerifier();
 * verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: 'hi' } });
 * await verifier.run(() => app());
 * verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
 * verifier.verifyAll();
 * ```
 */
export class StrictVerifier extends Verifier {
  /** Matches any value. The same constant as `tripwire.ANY`. */
  readonly ANY = ANY;
  /** Every setting, as `configure()` left them: `guard`, `validate`, and those of other enabled plugins. */
  declare readonly settings: Required<ConfigureOptions> & Record<string, unknown>;

  constructor(options: StrictVerifierOptions = {}) {
    super([...BUILT_IN, ...(options.plugins ?? [])]);
  }

  /** This verifier's AWS plugin, created on first use: `verifier.aws.mockCall(...)`. */
  get aws(): AwsPlugin {
    this.ensureUsable('aws');
    const plugin = this.pluginByName('aws');
    if (plugin instanceof AwsPlugin) return plugin;
    throw new TripwireConfigError(
      "This verifier's 'aws' plugin comes from another copy of ts-tripwire: use that copy's StrictVerifier.",
    );
  }

  /** Changes this verifier's settings (`guard`, `validate`, `mode`); bad input changes nothing. */
  override configure(options: ConfigureOptions): void {
    super.configure(options);
  }
}
