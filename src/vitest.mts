/**
 * Vitest setup: `test: { setupFiles: ['ts-tripwire/vitest'] }`. Each test gets a fresh verifier behind the
 * module-level `tripwire` object and the guard; after the test, `verifyAll()` fails it on anything left
 * over. Hooks come from `vitest`, so it works without `globals: true`.
 *
 * An ES module (`.mts`), unlike the rest of the package: Vitest cannot be `require`d (its CommonJS entry
 * throws), so this file imports it. It imports the CommonJS build next to it, so the setup and a test
 * file's `import { tripwire } from 'ts-tripwire'` share one copy of the runtime state.
 */
import { afterEach, beforeEach } from 'vitest';
import { installTestRunnerSetup } from './test-runner-setup.js';

installTestRunnerSetup('Vitest', beforeEach, afterEach);
