// The CommonJS side of the public surface: `import` compiles to `require` in a .cts file (node16/nodenext).
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { StrictVerifier, tripwire } from 'ts-tripwire';
import type { PluginHost } from 'ts-tripwire/plugin';

export function fromCommonJs(host: PluginHost): string {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall(GetObjectCommand, { returns: { ETag: '"e"', Body: new Uint8Array([1]) } });
  verifier.aws.assertAwsCall(GetObjectCommand, { params: { Bucket: 'b', Key: tripwire.ANY } });
  verifier.verifyAll();
  return host.hintName;
}
