import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { applyOfflineDefaults } from '../../src/offline-defaults';

const NO_FILE = join(__dirname, 'no-such-credentials-file');

describe('the test-runner setup’s offline defaults', () => {
  test('an environment with nothing configured gets a region and dummy credentials', () => {
    const env: NodeJS.ProcessEnv = { AWS_SHARED_CREDENTIALS_FILE: NO_FILE };
    applyOfflineDefaults(env);
    expect(env).toEqual({
      AWS_SHARED_CREDENTIALS_FILE: NO_FILE,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDTRIPWIREDUMMY',
      AWS_SECRET_ACCESS_KEY: 'tripwire-dummy-secret',
    });
  });

  test.each<[string, NodeJS.ProcessEnv]>([
    ['credentials in the environment', { AWS_ACCESS_KEY_ID: 'real', AWS_SECRET_ACCESS_KEY: 's' }],
    ['a named profile', { AWS_PROFILE: 'dev' }],
    ['a shared credentials file', { AWS_SHARED_CREDENTIALS_FILE: __filename }],
    ['web identity', { AWS_WEB_IDENTITY_TOKEN_FILE: '/token' }],
  ])('%s is left alone', (_, configured) => {
    const env: NodeJS.ProcessEnv = { AWS_SHARED_CREDENTIALS_FILE: NO_FILE, ...configured };
    applyOfflineDefaults(env);
    expect(env.AWS_ACCESS_KEY_ID).toBe(configured.AWS_ACCESS_KEY_ID);
    expect(env.AWS_SECRET_ACCESS_KEY).toBe(configured.AWS_SECRET_ACCESS_KEY);
  });

  test('a configured region is kept', () => {
    const env: NodeJS.ProcessEnv = { AWS_DEFAULT_REGION: 'eu-west-1', AWS_SHARED_CREDENTIALS_FILE: NO_FILE };
    applyOfflineDefaults(env);
    expect(env.AWS_REGION).toBeUndefined();
    expect(env.AWS_DEFAULT_REGION).toBe('eu-west-1');
  });
});
