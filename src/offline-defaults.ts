import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives the SDK a region and dummy credentials when the environment has none, so that clients, `Upload`
 * (which builds object URLs itself) and signers work offline in tests. Real settings are never replaced:
 * credentials from the environment, a named profile or a shared credentials file are left alone.
 */
export function applyOfflineDefaults(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.AWS_REGION && !env.AWS_DEFAULT_REGION) env.AWS_REGION = 'us-east-1';
  if (!hasCredentialSource(env)) {
    env.AWS_ACCESS_KEY_ID = 'AKIDTRIPWIREDUMMY';
    env.AWS_SECRET_ACCESS_KEY = 'tripwire-dummy-secret';
  }
}

function hasCredentialSource(env: NodeJS.ProcessEnv): boolean {
  if (env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE) return true;
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return true;
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials');
  return existsSync(credentialsFile);
}
