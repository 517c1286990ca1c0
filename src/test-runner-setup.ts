import { fileSettings, markRunnerSetup, pluginKindsOfEachTest, setCurrentVerifier } from './current';
import { applyOfflineDefaults } from './offline-defaults';
import { StrictVerifier } from './strict-verifier';

type Hook = (fn: () => void | Promise<void>) => void;

/**
 * The per-test life cycle shared by the Jest and Vitest setups: a fresh verifier and the guard before each
 * test; after it, the guard off and `verifyAll()`, whose error fails that test.
 */
export function installTestRunnerSetup(runner: 'Jest' | 'Vitest', beforeEach: Hook, afterEach: Hook): void {
  applyOfflineDefaults();
  markRunnerSetup(runner);
  let stopGuard: (() => void) | undefined;
  let verifier: StrictVerifier | undefined;

  beforeEach(() => {
    verifier = new StrictVerifier({ plugins: pluginKindsOfEachTest() });
    verifier.hintName = 'tripwire';
    verifier.configure(fileSettings());
    setCurrentVerifier(verifier);
    stopGuard = verifier.startGuard();
  });

  afterEach(() => {
    const finished = verifier;
    stopGuard?.();
    stopGuard = undefined;
    verifier = undefined;
    setCurrentVerifier(undefined);
    finished?.verifyAll();
  });
}
