import type { AwsPlugin } from './plugins/aws/aws-plugin';
import { ANY } from './verifier/matching';
import { Verifier } from './verifier/verifier';

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

  get aws(): AwsPlugin {
    return this.pluginByName('aws') as AwsPlugin;
  }
}
