import { join } from 'node:path';

/** A port nothing listens on: a request that escapes interception fails fast and locally. */
export const CLOSED_LOOPBACK_ENDPOINT = 'http://127.0.0.1:9';

const NO_SUCH_FILE = join(__dirname, 'no-such-aws-file');

export function offlineEnvironment(): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'AKIDTESTONLY',
    AWS_SECRET_ACCESS_KEY: 'test-only-secret',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: NO_SUCH_FILE,
    AWS_SHARED_CREDENTIALS_FILE: NO_SUCH_FILE,
    AWS_ENDPOINT_URL: CLOSED_LOOPBACK_ENDPOINT,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
