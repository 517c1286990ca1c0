'use strict';
/**
 * One assertion-cost measurement in a fresh process (run by bench/run.js):
 *
 *   node --expose-gc bench/assertions.js <interactions> <case> <budget-seconds>
 *
 * Records `interactions` S3 GetObject calls (distinct keys) in a sandbox, then times, after the sandbox:
 * - in-order:            assertAwsCall for each interaction, first to last;
 * - reverse-any-order:   assertAwsCall for each, last to first, inside inAnyOrder;
 * - verify-all-asserted: verifyAll() after every interaction was asserted in order (not timed);
 * - verify-all-unasserted: verifyAll() with nothing asserted (it throws the full report).
 * Assertion loops stop at the budget and report how far they got. Prints one JSON line.
 */
const { tripwireDist } = require('./env');

const { StrictVerifier, UnassertedInteractionsError } = require(tripwireDist());
const { GetObjectCommand, S3Client } = require('@aws-sdk/client-s3');

const [countArg, caseName, budgetArg] = process.argv.slice(2);
const interactions = Number(countArg);
const budgetSeconds = Number(budgetArg);
const BUCKET = 'bench-bucket';
const WARMUP_INTERACTIONS = 2000;

function now() {
  return Number(process.hrtime.bigint()) / 1e9;
}

async function recordedVerifier(count) {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject', { returns: { ETag: '"e"' }, times: count });
  const client = new S3Client({});
  await verifier.run(async () => {
    for (let i = 0; i < count; i++)
      await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `key-${i}` }));
  });
  return verifier;
}

function assertKey(verifier, i) {
  verifier.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: { Bucket: BUCKET, Key: `key-${i}` },
  });
}

/**
 * Asserts keys in the given order until done or out of budget; returns how many and how long. The clock is
 * read after every assertion when they are slow (reverse order), every 64 when they are fast.
 */
function assertUntilBudget(verifier, keys, checkEvery) {
  const started = now();
  let done = 0;
  for (const key of keys) {
    assertKey(verifier, key);
    done++;
    if (done % checkEvery === 0 && now() - started > budgetSeconds) break;
  }
  const seconds = now() - started;
  return { finished: done === keys.length, done, seconds, microsPerAssertion: (seconds / done) * 1e6 };
}

function range(count, reverse) {
  const keys = Array.from({ length: count }, (_, i) => i);
  return reverse ? keys.reverse() : keys;
}

const cases = {
  'in-order': (verifier, count) => assertUntilBudget(verifier, range(count, false), 64),
  'reverse-any-order': (verifier, count) =>
    verifier.inAnyOrder(() => assertUntilBudget(verifier, range(count, true), 1)),
  'verify-all-asserted': (verifier, count) => {
    for (let i = 0; i < count; i++) assertKey(verifier, i);
    const started = now();
    verifier.verifyAll();
    return { finished: true, seconds: now() - started };
  },
  'verify-all-unasserted': (verifier) => {
    const started = now();
    let messageLength = 0;
    try {
      verifier.verifyAll();
    } catch (error) {
      if (!(error instanceof UnassertedInteractionsError)) throw error;
      messageLength = error.message.length;
    }
    const seconds = now() - started;
    if (messageLength === 0) throw new Error('verifyAll() did not report the unasserted interactions');
    return { finished: true, seconds, messageLength };
  },
};

async function main() {
  const measure = cases[caseName];
  if (measure === undefined || !(interactions > 0) || !(budgetSeconds > 0)) {
    console.error(
      `usage: node bench/assertions.js <interactions> <${Object.keys(cases).join('|')}> <budget-seconds>`,
    );
    process.exit(2);
  }
  // Warm up the same path on a small verifier first, so the figures are not those of cold code.
  measure(await recordedVerifier(WARMUP_INTERACTIONS), WARMUP_INTERACTIONS);
  const verifier = await recordedVerifier(interactions);
  global.gc?.();
  const result = measure(verifier, interactions);
  console.log(JSON.stringify({ case: caseName, interactions, budgetSeconds, ...result }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
