'use strict';
/**
 * The offline environment every benchmark child process runs in (the same values as
 * tests/support/offline-environment.ts): dummy credentials, a region, no shared config files, and every
 * endpoint on a closed loopback port, so nothing can leave the machine even if a call escapes a mock.
 */
const { join, resolve } = require('node:path');

const NO_SUCH_FILE = join(__dirname, 'no-such-aws-file');

const OFFLINE_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDTESTONLY',
  AWS_SECRET_ACCESS_KEY: 'test-only-secret',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: NO_SUCH_FILE,
  AWS_SHARED_CREDENTIALS_FILE: NO_SUCH_FILE,
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** The parent's environment with the offline values (and any `extra`) on top. */
function offlineEnv(extra = {}) {
  return { ...process.env, ...OFFLINE_ENV, ...extra };
}

/** The build of ts-tripwire a measurement loads: bench/run.js passes its snapshot, else the project's dist/. */
function tripwireDist() {
  return process.env.BENCH_TRIPWIRE_DIST ?? resolve(__dirname, '..', 'dist');
}

module.exports = { OFFLINE_ENV, offlineEnv, tripwireDist };
