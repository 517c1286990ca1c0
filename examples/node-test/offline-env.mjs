// The repository's safety net for `npm run examples`, which runs these tests with
// `--import ./examples/node-test/offline-env.mjs` (Jest's examples get tests/support/offline-env.ts): dummy
// credentials, no metadata service or shared config files, and every endpoint at a closed loopback port.
// A project of yours needs none of it: the setup already gives the SDK a region and dummy credentials.
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
