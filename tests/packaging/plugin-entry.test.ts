import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';

// The built entry, as a package user loads it (`npm test` builds dist/ before Jest runs).
const DIST = join(__dirname, '../../dist');

describe('ts-tripwire/plugin', () => {
  test('exports the plugin contract and nothing of the runtime behind it', () => {
    const entry = require(join(DIST, 'plugin.js')) as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual(
      [
        'ABSENT',
        'ANY',
        'AllWildcardAssertionError',
        'AssertionInsideSandboxError',
        'CallSite',
        'EscapedRequestError',
        'GuardedCallError',
        'InteractionMismatchError',
        'InvalidParamsError',
        'MissingAssertionFieldsError',
        'NoActiveVerifierError',
        'Note',
        'PostSandboxInteractionError',
        'TripwireConfigError',
        'TripwireError',
        'UnassertedInteractionsError',
        'UnmockedInteractionError',
        'UnusedMocksError',
        'VerificationError',
        'canonicalKey',
        'currentRoute',
        'currentUserFrame',
        'describeValue',
        'diffValues',
        'enablePluginInEachTest',
        'formatValue',
        'indented',
        'isAsymmetricMatcher',
        'isOnlyWildcards',
        'patch',
        'routedPlugin',
        'runPassingThrough',
      ].sort(),
    );
  });

  test('shares the runtime of ts-tripwire: its error classes are the same classes', () => {
    const entry = require(join(DIST, 'plugin.js')) as Record<string, unknown>;
    const main = require(join(DIST, 'index.js')) as Record<string, unknown>;
    expect(entry.TripwireError).toBe(main.TripwireError);
    expect(entry.ANY).toBe(main.ANY);
  });
});
