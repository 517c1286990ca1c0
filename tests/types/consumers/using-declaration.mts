// `using verifier = new StrictVerifier()`: the declaration needs TypeScript 5.2 or later to parse.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { StrictVerifier } from 'ts-tripwire';

export async function scoped(): Promise<void> {
  using verifier = new StrictVerifier();
  verifier.aws.mockCall(GetObjectCommand, { returns: { Body: 'text' } });
  await verifier.run(async () => undefined);
}
