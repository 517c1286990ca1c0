/**
 * The bad-input matrix: every public function × wrong types and values. A case either behaves correctly or
 * throws (or rejects with) a TripwireError whose message names the fix; after every case nothing is left
 * patched (a real client outside any sandbox fails as it would without the library: connection refused at the
 * closed loopback endpoint) and correct use still works.
 */
import { runInNewContext } from 'node:vm';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, expect } from '@jest/globals';
import { StrictVerifier, TripwireError } from 'ts-tripwire';

/** `'ok'`: must succeed; a RegExp: must fail with a TripwireError whose message matches it. */
export type Expectation = 'ok' | RegExp;
export type MatrixCase = [name: string, run: () => unknown, expectation: Expectation];

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { name: 'loop' };
  value.self = value;
  return value;
}

function throwingGetter(): object {
  return Object.defineProperty({}, 'boom', {
    enumerable: true,
    get() {
      throw new Error('getter exploded');
    },
  });
}

function throwingProxy(): object {
  const fail = () => {
    throw new Error('trap exploded');
  };
  return new Proxy(
    {},
    { get: fail, has: fail, ownKeys: fail, getPrototypeOf: fail, getOwnPropertyDescriptor: fail },
  );
}

class UserClass {
  static constructed = 0;
  constructor() {
    UserClass.constructed++;
  }
}

/** The wrong values every argument is tried with. Fresh on every call: some cases mutate or freeze them. */
export function badValues(): Array<[label: string, value: unknown]> {
  return [
    ['undefined', undefined],
    ['null', null],
    ['number', 42],
    ['NaN', Number.NaN],
    ['bigint', 1n],
    ['symbol', Symbol('bad')],
    ['empty string', ''],
    ['huge string', 'x'.repeat(1_000_000)],
    ['array', ['s3']],
    ['function', () => 'x'],
    ['class', UserClass],
    ['frozen object', Object.freeze({})],
    ['circular object', circular()],
    ['throwing getter', throwingGetter()],
    ['throwing Proxy', throwingProxy()],
    ['boxed boolean', new Boolean(true)],
    ['cross-realm object', runInNewContext('({ service: "s3" })')],
  ];
}

export const BAD_LABELS = badValues().map(([label]) => label);

export function badValue(label: string): unknown {
  return badValues().find(([name]) => name === label)![1];
}

export function userClassConstructions(): number {
  return UserClass.constructed;
}

const counts = { cases: 0, correct: 0, clearErrors: 0 };

/** Runs one case and checks its outcome, then that nothing was left behind. */
export async function checkCase(run: () => unknown, expectation: Expectation): Promise<void> {
  counts.cases++;
  let failure: unknown;
  let failed = false;
  try {
    await run();
  } catch (error) {
    failed = true;
    failure = error;
  }
  if (expectation === 'ok') {
    if (failed) throw failure;
    counts.correct++;
  } else {
    expect(failed).toBe(true);
    expect(failure).toBeInstanceOf(TripwireError);
    const message = (failure as Error).message;
    expect(message).toMatch(expectation);
    // A message quotes the input, never echoes a huge one in full.
    expect(message.length).toBeLessThan(4_000);
    counts.clearErrors++;
  }
  await expectNothingLeftBehind();
}

/** Outside any sandbox, a real client is untouched: it tries the (closed) network and fails there. */
export async function expectNothingLeftBehind(): Promise<void> {
  const client = new S3Client({ maxAttempts: 1 });
  const error = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).not.toBeInstanceOf(TripwireError);
  expect(String((error as { code?: string }).code ?? (error as Error).message)).toMatch(
    /ECONNREFUSED|connect/i,
  );
  await correctUseStillWorks();
}

async function correctUseStillWorks(): Promise<void> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'text/plain' } });
  const output = await verifier.run(() =>
    new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })),
  );
  expect(output.ContentType).toBe('text/plain');
  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  verifier.verifyAll();
}

/** Prints this file's counts, so a run shows how much of the matrix holds. */
export function reportCounts(file: string): void {
  afterAll(() => {
    console.log(
      `bad-input matrix (${file}): ${counts.cases} cases, ${counts.correct} correct, ${counts.clearErrors} clear errors`,
    );
  });
}
