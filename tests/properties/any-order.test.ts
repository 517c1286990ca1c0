/**
 * Property: inside one inAnyOrder block, each assertion succeeds iff the block's assertions so far can each
 * have their own recorded call that they fully match (params and, when the call raised, `raised`). A brute
 * force matcher over a model of the matching rules is the oracle.
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { InteractionMismatchError, MissingAssertionFieldsError, StrictVerifier, tripwire } from 'ts-tripwire';

type Params = Record<string, string>;

interface Call {
  readonly params: Params;
  readonly raised: 'NoSuchKey' | 'AccessDenied' | undefined;
}

/** Exact params; one key replaced by `tripwire.ANY`; or `expect.objectContaining` of some keys. */
interface Assertion {
  readonly params: Params;
  readonly form: { kind: 'exact' } | { kind: 'any'; key: string } | { kind: 'containing'; keys: string[] };
  readonly raised: 'NoSuchKey' | 'AccessDenied' | undefined;
}

const OPTIONAL_KEYS = ['VersionId', 'Range'];

const paramsArbitrary: fc.Arbitrary<Params> = fc
  .record({
    Bucket: fc.constantFrom('b1', 'b2'),
    Key: fc.constantFrom('k1', 'k2'),
    VersionId: fc.option(fc.constant('v1'), { nil: undefined }),
    Range: fc.option(fc.constant('bytes=0-1'), { nil: undefined }),
  })
  .map(
    (params) =>
      Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as Params,
  );

const raisedArbitrary = fc.constantFrom(undefined, undefined, 'NoSuchKey' as const, 'AccessDenied' as const);

const callArbitrary: fc.Arbitrary<Call> = fc.record({ params: paramsArbitrary, raised: raisedArbitrary });

const assertionArbitrary: fc.Arbitrary<Assertion> = fc
  .record({
    params: paramsArbitrary,
    form: fc.oneof(
      fc.constant({ kind: 'exact' as const }),
      fc.constantFrom('Bucket', 'Key', ...OPTIONAL_KEYS).map((key) => ({ kind: 'any' as const, key })),
      fc.subarray(['Bucket', 'Key', ...OPTIONAL_KEYS]).map((keys) => ({ kind: 'containing' as const, keys })),
    ),
    raised: raisedArbitrary,
  })
  // objectContaining names only keys the assertion has: a sample key set to undefined needs the key present.
  .map((assertion) =>
    assertion.form.kind === 'containing'
      ? {
          ...assertion,
          form: { ...assertion.form, keys: assertion.form.keys.filter((key) => key in assertion.params) },
        }
      : assertion,
  );

/** The oracle's reading of a full match (mirrors API.md §4 and §10, not the implementation). */
function modelMatches(assertion: Assertion, call: Call): boolean {
  if (assertion.raised !== call.raised) return false;
  const { form } = assertion;
  const keys = new Set([...Object.keys(assertion.params), ...Object.keys(call.params)]);
  if (form.kind === 'containing') return form.keys.every((key) => assertion.params[key] === call.params[key]);
  return [...keys].every(
    (key) => (form.kind === 'any' && key === form.key) || assertion.params[key] === call.params[key],
  );
}

function completeMatchingExists(assertions: Assertion[], calls: Call[]): boolean {
  const used = new Array<boolean>(calls.length).fill(false);
  const place = (index: number): boolean => {
    if (index === assertions.length) return true;
    for (let call = 0; call < calls.length; call++) {
      if (used[call] || !modelMatches(assertions[index]!, calls[call]!)) continue;
      used[call] = true;
      if (place(index + 1)) return true;
      used[call] = false;
    }
    return false;
  };
  return place(0);
}

/** How many assertions succeed in a block before the first that cannot: the length of the longest feasible prefix. */
function expectedPrefix(assertions: Assertion[], calls: Call[]): number {
  let length = 0;
  while (length < assertions.length && completeMatchingExists(assertions.slice(0, length + 1), calls))
    length++;
  return length;
}

async function recorded(calls: Call[]): Promise<StrictVerifier> {
  const verifier = new StrictVerifier();
  for (const call of calls)
    verifier.aws.mockCall('s3', 'GetObject', call.raised ? { raises: call.raised } : {});
  const s3 = new S3Client({});
  await verifier.run(async () => {
    for (const call of calls) {
      await s3
        .send(new GetObjectCommand(call.params as { Bucket: string; Key: string }))
        .catch(() => undefined);
    }
  });
  return verifier;
}

function assertionParams(assertion: Assertion): Record<string, unknown> {
  const { form, params } = assertion;
  if (form.kind === 'containing') {
    return expect.objectContaining(Object.fromEntries(form.keys.map((key) => [key, params[key]])));
  }
  return form.kind === 'any' ? { ...params, [form.key]: tripwire.ANY } : params;
}

/** Runs the assertions in one block; returns how many succeeded before the first error, and that error. */
function assertInBlock(
  verifier: StrictVerifier,
  assertions: Assertion[],
): { passed: number; error?: unknown } {
  let passed = 0;
  try {
    verifier.inAnyOrder(() => {
      for (const assertion of assertions) {
        verifier.aws.assertAwsCall({
          service: 's3',
          operation: 'GetObject',
          params: assertionParams(assertion),
          ...(assertion.raised === undefined ? {} : { raised: assertion.raised }),
        });
        passed++;
      }
    });
  } catch (error) {
    return { passed, error };
  }
  return { passed };
}

const scenario = fc.record({
  calls: fc.array(callArbitrary, { minLength: 1, maxLength: 5 }),
  assertions: fc.array(assertionArbitrary, { minLength: 1, maxLength: 5 }),
});

describe('any order, as a property', () => {
  test('each assertion in a block fails at once exactly when the block so far has no complete matching', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ calls, assertions }) => {
        const outcome = assertInBlock(await recorded(calls), assertions);
        expect(outcome.passed).toBe(expectedPrefix(assertions, calls));
        if (outcome.error !== undefined) {
          expect(
            outcome.error instanceof InteractionMismatchError ||
              outcome.error instanceof MissingAssertionFieldsError,
          ).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('the outcome does not depend on the order of the assertions, and the block asserts what it matched', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario.chain(({ calls, assertions }) =>
          fc.record({
            calls: fc.constant(calls),
            assertions: fc.constant(assertions),
            order: fc.shuffledSubarray(assertions, { minLength: assertions.length }),
          }),
        ),
        async ({ calls, assertions, order }) => {
          const verifier = await recorded(calls);
          const forward = assertInBlock(verifier, assertions);
          const shuffled = assertInBlock(await recorded(calls), order);
          const feasible = completeMatchingExists(assertions, calls);
          expect([forward.error === undefined, shuffled.error === undefined]).toEqual([feasible, feasible]);
          if (!feasible) return;
          let left = 0;
          try {
            verifier.verifyAll();
          } catch (error) {
            left = (error as { unasserted: unknown[] }).unasserted.length;
          }
          expect(left).toBe(calls.length - assertions.length);
        },
      ),
      { numRuns: 80 },
    );
  });
});
