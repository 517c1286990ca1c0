/**
 * Shared by the required-members*.test.ts files: send a real-looking call through a real client and see it
 * pass, then send it again without one required member and see the InvalidParamsError that names it.
 */
import { expect } from '@jest/globals';
import { InvalidParamsError, StrictVerifier, type VerificationError } from 'ts-tripwire';
import { rejectionOf } from '../../../support/rejection';

interface Client {
  send(command: never): Promise<unknown>;
}
type CommandClass = new (input: never) => object;

/** `without(input, 'RequestItems', 't', 'Keys')`: a deep copy of `input` lacking the member at that path. */
export function without<T>(input: T, ...path: (string | number)[]): T {
  // Not structuredClone: under Jest it builds objects of another realm, which are not plain objects here.
  const copy = copyPlain(input);
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  delete parent[path[path.length - 1]!];
  return copy;
}

function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyPlain(item)])) as T;
}

/** The `  - ...` problem lines of a message. */
export function problemLines(message: string): string[] {
  return message
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4));
}

/** A call with every required member is served the mock and recorded as sent. */
export async function expectServed(
  client: Client,
  command: CommandClass,
  call: { service: string; operation: string; params: Record<string, unknown>; returns?: object },
): Promise<void> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall(call.service, call.operation, { returns: call.returns ?? {} });
  await verifier.run(() => client.send(new command(call.params as never) as never));
  verifier.aws.assertAwsCall({ service: call.service, operation: call.operation, params: call.params });
  verifier.verifyAll();
}

/**
 * A call lacking required members is refused: InvalidParamsError thrown into the code, no mock consumed,
 * an `invalid-params` violation remembered, and exactly the expected problem lines in the message.
 */
export async function expectRefused(
  client: Client,
  command: CommandClass,
  call: { service: string; operation: string; params: object },
  problems: readonly string[],
): Promise<string> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall(call.service, call.operation, { required: false });
  const error = await verifier.run(() =>
    rejectionOf(client.send(new command(call.params as never) as never)),
  );
  expect(error).toBeInstanceOf(InvalidParamsError);
  expect(problemLines(error.message)).toEqual(problems);
  let verification: VerificationError | undefined;
  try {
    verifier.verifyAll();
  } catch (caught) {
    verification = caught as VerificationError;
  }
  expect(verification?.violations).toEqual([
    expect.objectContaining({ kind: 'invalid-params', service: call.service, operation: call.operation }),
  ]);
  return error.message;
}
