// A plain Node script, no test runner: a StrictVerifier created, driven and verified by hand.
// Usage: node check-report.mjs [--with-archive]   (--with-archive reads one report more than is mocked)
import { StrictVerifier } from 'ts-tripwire';
import { countRows } from './report.mjs';

// No test-runner setup here, so the script makes itself offline before any client exists: dummy
// credentials, no metadata service or shared config files, and a closed loopback endpoint.
Object.assign(process.env, {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example-secret',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});

const keys = ['reports/today.csv'];
if (process.argv.includes('--with-archive')) keys.push('reports/archive.csv');

const verifier = new StrictVerifier();
verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: 'id,amount\n1,10\n2,20\n3,30\n' } });

try {
  const rows = await verifier.run(() => countRows('finance', keys));

  if (rows !== 3) throw new Error(`expected 3 rows, got ${rows}`);
  verifier.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: { Bucket: 'finance', Key: 'reports/today.csv' },
  });
  verifier.verifyAll();
  console.log(`report ok: ${rows} rows`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
