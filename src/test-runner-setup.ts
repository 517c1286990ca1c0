import {
  currentTestVerifier,
  fileSettings,
  markRunnerSetup,
  pluginKindsOfEachTest,
  type RunnerName,
  setCurrentVerifier,
} from './current';
import { applyOfflineDefaults } from './offline-defaults';
import { StrictVerifier } from './strict-verifier';
import { currentTestName } from './update-mode/test-status';
import { withUpdateMode } from './update-mode/update-test-file';
import { applyRecordSwitch, finishRecordSwitch } from './verifier/recording-switch';

type Hook = (fn: () => void | Promise<void>) => void;

/** One test's verifier, from just before the test until `finish()`. */
export interface TestVerifier {
  readonly verifier: StrictVerifier;
  /**
   * Stops this test's guard, puts back the verifier that was current before it (a node:test parent's, or
   * none) and runs `verifyAll()`, whose error fails the test.
   */
  finish(failedAlready?: boolean): void;
  /** Stops this test's guard only: for a test that node:test cancelled, which gets no verification. */
  abandon(): void;
}

/** Called once per test file by each runner setup: offline defaults, and no file-level settings yet. */
export function prepareTestFile(runner: RunnerName): void {
  applyOfflineDefaults();
  markRunnerSetup(runner);
}

/**
 * A fresh verifier for the test about to start: it enables the plugins of every test, takes the file's
 * settings, becomes what `tripwire` stands for, and starts the guard.
 */
export function startTestVerifier(): TestVerifier {
  const previous = currentTestVerifier();
  const verifier = new StrictVerifier({ plugins: pluginKindsOfEachTest() });
  verifier.hintName = 'tripwire';
  verifier.configure(fileSettings());
  applyRecordSwitch(verifier);
  setCurrentVerifier(verifier);
  const stopGuard = verifier.startGuard();
  return withUpdateMode({
    verifier,
    finish() {
      stopGuard();
      setCurrentVerifier(previous);
      finishRecordSwitch(verifier, currentTestName);
      verifier.verifyAll();
    },
    abandon: stopGuard,
  });
}

/**
 * The per-test life cycle of the Jest and Vitest setups: a fresh verifier and the guard before each test;
 * after it, the guard off and `verifyAll()`, whose error fails that test.
 */
export function installTestRunnerSetup(runner: 'Jest' | 'Vitest', beforeEach: Hook, afterEach: Hook): void {
  prepareTestFile(runner);
  let running: TestVerifier | undefined;

  beforeEach(() => {
    running = startTestVerifier();
  });

  afterEach(() => {
    const finished = running;
    running = undefined;
    finished?.finish();
  });
}
