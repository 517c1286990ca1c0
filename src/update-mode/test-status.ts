/**
 * What the running test runner says about the test whose after-hooks are running: whether it has failed on
 * its own, and which run of a test file it belongs to. Read from the runners' state, guarded: a runner that
 * does not say gives `undefined`.
 */

interface JestTest {
  readonly name?: string;
  readonly errors?: readonly unknown[];
}

interface VitestTask {
  readonly type?: string;
  readonly name?: string;
  readonly file?: object;
  readonly result?: { readonly state?: string; readonly errors?: readonly unknown[] };
}

/** jest-circus keeps its state on the test file's global, under a symbol of this description. */
function jestState(): { readonly currentlyRunningTest?: JestTest | null } | undefined {
  const symbol = Object.getOwnPropertySymbols(globalThis).find(
    (candidate) => candidate.description === 'JEST_STATE_SYMBOL',
  );
  const state: unknown = symbol === undefined ? undefined : (globalThis as Record<symbol, unknown>)[symbol];
  return typeof state === 'object' && state !== null ? state : undefined;
}

/** Vitest's worker state names the task running now: the test, until its after-hooks have run. */
function vitestTest(): VitestTask | undefined {
  const worker = (globalThis as { __vitest_worker__?: { current?: VitestTask } }).__vitest_worker__;
  return worker?.current?.type === 'test' ? worker.current : undefined;
}

/** Whether the running test has failed by an error of its own (before the setup's checks); `undefined` if unknown. */
export function currentTestFailed(): boolean | undefined {
  try {
    const vitest = vitestTest();
    if (vitest !== undefined)
      return vitest.result?.state === 'fail' || (vitest.result?.errors?.length ?? 0) > 0;
    const jest = jestState()?.currentlyRunningTest;
    if (jest != null) return (jest.errors?.length ?? 0) > 0;
  } catch {
    // A runner's state that could not be read says nothing.
  }
  return undefined;
}

/** The running test's name, for messages; `undefined` if unknown. */
export function currentTestName(): string | undefined {
  try {
    return vitestTest()?.name ?? jestState()?.currentlyRunningTest?.name ?? undefined;
  } catch {
    return undefined;
  }
}

const outsideRunners = {};

/**
 * An object that stands for this run of the current test file (Jest's state of the file, Vitest's file task):
 * a file run again in watch mode is a new run, whose positions are those of the file as it is then.
 */
export function currentFileRun(): object {
  try {
    return vitestTest()?.file ?? jestState() ?? outsideRunners;
  } catch {
    return outsideRunners;
  }
}
