import { describe, expect, test } from '@jest/globals';
import { ANY, NoActiveVerifierError, StrictVerifier, tripwire } from 'ts-tripwire';

describe('the module-level tripwire object without a test-runner setup', () => {
  test.each<[string, () => unknown]>([
    ['tripwire.aws', () => tripwire.aws],
    ['tripwire.run()', () => tripwire.run(() => undefined)],
    ['tripwire.verifyAll()', () => tripwire.verifyAll()],
    ['tripwire.configure()', () => tripwire.configure({ guard: 'off' })],
    ['tripwire.verifier', () => tripwire.verifier],
  ])('%s throws NoActiveVerifierError explaining both ways to get a verifier', (usage, use) => {
    expect(use).toThrow(NoActiveVerifierError);
    expect(use).toThrow(
      `${usage} needs a current test verifier, and there is none. Either:\n` +
        "  - use it inside a test with ts-tripwire's setup: setupFilesAfterEnv: ['ts-tripwire/jest'] (Jest), setupFiles: ['ts-tripwire/vitest'] (Vitest) or node --test --import ts-tripwire/node-test (node:test); or\n" +
        "  - create a verifier yourself: import { StrictVerifier } from 'ts-tripwire'; const verifier = new StrictVerifier(); verifier.aws.mockCall(...); await verifier.run(...); verifier.verifyAll();",
    );
  });

  test('tripwire.ANY is a constant that works anywhere and matches anything', () => {
    expect(tripwire.ANY).toBe(ANY);
    expect(new StrictVerifier().ANY).toBe(ANY);
    for (const value of [undefined, null, 0, 'x', {}, [], new Uint8Array(1)])
      expect(ANY.asymmetricMatch(value)).toBe(true);
  });
});
