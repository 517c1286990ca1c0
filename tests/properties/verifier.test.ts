/**
 * Properties of the verifier over generated runs of real SDK calls: mocks are served first in, first out
 * per service:operation; interactions are recorded in the order `send` was called; verifyAll() fails
 * exactly when something is unasserted, unused (required) or violated; verifiers running concurrently or
 * nested keep their own calls.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  InteractionMismatchError,
  StrictVerifier,
  UnassertedInteractionsError,
  UnusedMocksError,
  VerificationError,
} from 'ts-tripwire';

type Operation = 'GetObject' | 'PutObject' | 'SendMessage';
const OPERATIONS: readonly Operation[] = ['GetObject', 'PutObject', 'SendMessage'];

const s3 = new S3Client({});
const sqs = new SQSClient({});

/** Sends call `index` of an operation (its params name the index) and resolves to the output's tag. */
async function send(operation: Operation, index: number): Promise<string | undefined> {
  if (operation === 'GetObject')
    return (await s3.send(new GetObjectCommand({ Bucket: 'b', Key: `k${index}` }))).ETag;
  if (operation === 'PutObject') {
    return (await s3.send(new PutObjectCommand({ Bucket: 'b', Key: `k${index}`, Body: 'x' }))).ETag;
  }
  return (await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: `m${index}` }))).MessageId;
}

function assertCall(verifier: StrictVerifier, operation: Operation, index: number): void {
  const [service, params] =
    operation === 'GetObject'
      ? ['s3', { Bucket: 'b', Key: `k${index}` }]
      : operation === 'PutObject'
        ? ['s3', { Bucket: 'b', Key: `k${index}`, Body: 'x' }]
        : ['sqs', { QueueUrl: 'q', MessageBody: `m${index}` }];
  verifier.aws.assertAwsCall({
    service: service as string,
    operation,
    params: params as Record<string, unknown>,
  });
}

const tag = (operation: Operation, index: number) =>
  operation === 'SendMessage' ? { MessageId: `${operation}-${index}` } : { ETag: `${operation}-${index}` };

const ticks = (count: number) =>
  Array.from({ length: count }).reduce<Promise<void>>(
    (previous) => previous.then(() => new Promise((resolve) => setImmediate(resolve))),
    Promise.resolve(),
  );

/** A sequence of operations, and for each call how many event-loop turns its mocked output takes. */
const callsArbitrary = fc.array(fc.record({ operation: fc.constantFrom(...OPERATIONS), delay: fc.nat(3) }), {
  maxLength: 8,
});

/** For each call, its index among the calls of the same operation. */
function perOperationIndexes(operations: Operation[]): number[] {
  const seen = new Map<Operation, number>();
  return operations.map((operation) => {
    const index = seen.get(operation) ?? 0;
    seen.set(operation, index + 1);
    return index;
  });
}

describe('verifier invariants, as properties', () => {
  test('each service:operation serves its mocks first in, first out; calls are recorded when send is called', async () => {
    await fc.assert(
      fc.asyncProperty(
        callsArbitrary.chain((calls) =>
          fc.record({
            calls: fc.constant(calls),
            registration: fc.shuffledSubarray(calls, { minLength: calls.length }),
          }),
        ),
        async ({ calls, registration }) => {
          const verifier = new StrictVerifier();
          // Registered in another interleaving of the same calls: only the order within an operation counts.
          const registeredIndexes = perOperationIndexes(registration.map((call) => call.operation));
          registration.forEach(({ operation, delay }, position) => {
            const output = tag(operation, registeredIndexes[position]!);
            verifier.aws.mockCall(operation === 'SendMessage' ? 'sqs' : 's3', operation, {
              returns: async () => {
                await ticks(delay);
                return output;
              },
            });
          });
          const indexes = perOperationIndexes(calls.map((call) => call.operation));
          // All sent at once; their outputs settle in an order of their own.
          const outputs = await verifier.run(() =>
            Promise.all(calls.map(({ operation }, position) => send(operation, indexes[position]!))),
          );
          expect(outputs).toEqual(
            calls.map(({ operation }, position) => Object.values(tag(operation, indexes[position]!))[0]),
          );
          // Strict order: any call but the first is refused as the first assertion.
          for (const [position, { operation }] of calls.entries()) {
            if (position > 0) {
              expect(() => assertCall(verifier, operation, indexes[position]!)).toThrow(
                InteractionMismatchError,
              );
            }
          }
          for (const [position, { operation }] of calls.entries())
            assertCall(verifier, operation, indexes[position]!);
          verifier.verifyAll();
        },
      ),
      { numRuns: 60 },
    );
  });

  test('verifyAll() fails exactly when something is unasserted, unused (required) or violated, with the specific class', async () => {
    const registrationArbitrary = fc.array(
      fc.record({ times: fc.integer({ min: 1, max: 2 }), required: fc.boolean() }),
      {
        maxLength: 2,
      },
    );
    const plan = fc.record({
      registrations: fc.record({
        GetObject: registrationArbitrary,
        PutObject: registrationArbitrary,
        SendMessage: registrationArbitrary,
      }),
      calls: fc.array(fc.constantFrom(...OPERATIONS), { maxLength: 6 }),
      asserted: fc.nat(6),
    });
    await fc.assert(
      fc.asyncProperty(plan, async ({ registrations, calls, asserted }) => {
        const verifier = new StrictVerifier();
        for (const operation of OPERATIONS) {
          for (const { times, required } of registrations[operation]) {
            verifier.aws.mockCall(operation === 'SendMessage' ? 'sqs' : 's3', operation, { times, required });
          }
        }
        const indexes = perOperationIndexes(calls);
        await verifier.run(async () => {
          for (const [position, operation] of calls.entries()) {
            await send(operation, indexes[position]!).catch(() => undefined);
          }
        });
        // The model: a call beyond its operation's queued mocks is a violation, not an interaction.
        const capacity = (operation: Operation) =>
          registrations[operation].reduce((sum, { times }) => sum + times, 0);
        const recorded = calls
          .map((operation, position) => ({ operation, index: indexes[position]! }))
          .filter(({ operation, index }) => index < capacity(operation));
        const violations = calls.length - recorded.length;
        const unused = OPERATIONS.flatMap((operation) => {
          let served = recorded.filter((call) => call.operation === operation).length;
          return registrations[operation].filter(({ times, required }) => {
            const consumed = Math.min(times, served);
            served -= consumed;
            return required && consumed < times;
          });
        }).length;
        const assertedCount = Math.min(asserted, recorded.length);
        for (const { operation, index } of recorded.slice(0, assertedCount))
          assertCall(verifier, operation, index);
        const unasserted = recorded.length - assertedCount;

        let failure: VerificationError | undefined;
        try {
          verifier.verifyAll();
        } catch (error) {
          failure = error as VerificationError;
        }
        expect(failure !== undefined).toBe(unasserted > 0 || unused > 0 || violations > 0);
        if (failure === undefined) return;
        expect([failure.unasserted.length, failure.unused.length, failure.violations.length]).toEqual([
          unasserted,
          unused,
          violations,
        ]);
        expect(failure.violations.every((violation) => violation.kind === 'unmocked')).toBe(true);
        const onlyKind =
          violations > 0
            ? undefined
            : unused === 0
              ? UnassertedInteractionsError
              : unasserted === 0
                ? UnusedMocksError
                : undefined;
        expect(failure.constructor).toBe(onlyKind ?? VerificationError);
      }),
      { numRuns: 100 },
    );
  });

  test('concurrent and nested verifiers each keep exactly their own calls', async () => {
    const keys = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          outerBefore: keys,
          inner: keys,
          outerAfter: keys,
          concurrent: keys,
          delays: fc.array(fc.nat(2), { maxLength: 12 }),
        }),
        async ({ outerBefore, inner, outerAfter, concurrent, delays }) => {
          const [outer, nested, sibling] = [new StrictVerifier(), new StrictVerifier(), new StrictVerifier()];
          const mock = (verifier: StrictVerifier, count: number) => {
            if (count > 0) verifier.aws.mockCall('s3', 'GetObject', { times: count });
          };
          mock(outer, outerBefore.length + outerAfter.length);
          mock(nested, inner.length);
          mock(sibling, concurrent.length);
          let turn = 0;
          const get = async (key: string) => {
            await ticks(delays[turn++ % Math.max(delays.length, 1)] ?? 0);
            await s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
          };
          const sequentially = async (list: string[]) => {
            for (const key of list) await get(key);
          };
          await Promise.all([
            outer.run(async () => {
              await sequentially(outerBefore);
              await nested.run(() => sequentially(inner));
              await sequentially(outerAfter);
            }),
            sibling.run(() => sequentially(concurrent)),
          ]);
          const expectCalls = (verifier: StrictVerifier, list: string[]) => {
            for (const key of list)
              verifier.aws.assertAwsCall({
                service: 's3',
                operation: 'GetObject',
                params: { Bucket: 'b', Key: key },
              });
            verifier.verifyAll();
          };
          expectCalls(outer, [...outerBefore, ...outerAfter]);
          expectCalls(nested, inner);
          expectCalls(sibling, concurrent);
        },
      ),
      { numRuns: 60 },
    );
  });
});
