/** The error a promise rejects with; fails the test if it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  let output: unknown;
  try {
    output = await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error(`Expected a rejection, but it resolved to ${JSON.stringify(output)}`);
}

/** The error a function throws; fails the test if it returns instead. */
export function thrownBy(fn: () => unknown): Error & Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('Expected a throw, but the function returned');
}
