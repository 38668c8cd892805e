// Runs s3rver in its own process for tests. s3rver encrypts list continuation tokens with DES,
// which OpenSSL 3 only offers through the legacy provider, so the parent starts this file with
// --openssl-legacy-provider. Prints {"port": N} once listening; exits on SIGTERM or when the
// parent closes stdin (so it never outlives the test run).
import S3rver from 's3rver';

const options = JSON.parse(process.argv[2]);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, ...options });

async function stop() {
  try {
    await server.close();
  } finally {
    process.exit(0);
  }
}

server.run().then(
  (address) => process.stdout.write(`${JSON.stringify({ port: address.port })}\n`),
  (error) => {
    process.stderr.write(`s3rver failed to start: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
