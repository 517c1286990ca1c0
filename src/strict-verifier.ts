import { AwsPlugin } from './plugins/aws/aws-plugin';
import { ANY } from './verifier/matching';
import { definePlugin } from './verifier/plugin-registry';
import { Verifier } from './verifier/verifier';

// The built-in plugins: every verifier creates them on first use and every sandbox and guard activates them.
definePlugin('aws', (host) => new AwsPlugin(host));

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

  /** This verifier's AWS plugin, created on first use: `verifier.aws.mockCall(...)`. */
  get aws(): AwsPlugin {
    this.ensureUsable('aws');
    return this.pluginByName('aws') as AwsPlugin;
  }
}
