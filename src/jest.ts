/**
 * Jest setup: `setupFilesAfterEnv: ['ts-tripwire/jest']`. Each test gets a fresh verifier behind the
 * module-level `tripwire` object and the guard; after the test, `verifyAll()` fails it on anything left
 * over. Hooks come from `@jest/globals`, so it also works with `injectGlobals: false`.
 *
 * @module ts-tripwire/jest
 */
import { afterEach, beforeEach } from '@jest/globals';
import { installTestRunnerSetup } from './test-runner-setup';

installTestRunnerSetup('Jest', beforeEach, afterEach);
