// s3rver in a child process started with --openssl-legacy-provider: its ListObjectsV2 continuation tokens are
// DES-encrypted, which OpenSSL 3 (Node 17+) refuses without the legacy provider. Prints its port, then serves
// until killed.
const S3rver = require('s3rver');

const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: process.argv[2] });
server.run().then(({ port }) => process.stdout.write(`${JSON.stringify({ port })}\n`));
