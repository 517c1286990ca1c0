/**
 * The once-per-process warnings, word for word: they tell the user what to change or which switch silences
 * them, and the tests that trigger them (child processes, the 3.600 SDK line) read only parts.
 */
import { describe, expect, test } from '@jest/globals';
import {
  requiredUncheckedWarning,
  severalCopiesWarning,
  validationSkippedWarning,
} from '../../../../src/plugins/aws/messages/warnings';

describe('warnings', () => {
  test('several copies of the base client: each file on its line, why it matters, the fix and the switch', () => {
    expect(severalCopiesWarning(['/app/node_modules/a/index.js', '/app/node_modules/b/index.js'])).toBe(
      [
        "ts-tripwire: 2 copies of the AWS SDK's base client are loaded; calls through each are intercepted.",
        '  /app/node_modules/a/index.js',
        '  /app/node_modules/b/index.js',
        'Clients built on different copies have different error classes, so `instanceof` checks can fail between them. ' +
          'Align the @aws-sdk/* versions and run `npm dedupe` to load one copy.',
        'If the copies cannot be deduplicated, acknowledge them to silence this warning: TRIPWIRE_SDK_COPIES=2',
      ].join('\n'),
    );
  });

  test('validation skipped: names the SDK line when known, the version to upgrade to and the switch', () => {
    const tail =
      'has no operation schemas, so a misspelt param or output member, a missing required param, or a value of ' +
      'the wrong kind passes without a word. Upgrade the @aws-sdk/* packages to 3.969.0 or later to have them ' +
      'checked; or, to say that you know, turn validation off: configure({ validate: false })';
    expect(validationSkippedWarning('@aws-sdk/client-s3 3.600.0')).toBe(
      `ts-tripwire: params and outputs are not validated: the installed AWS SDK line (@aws-sdk/client-s3 3.600.0) ${tail}`,
    );
    expect(validationSkippedWarning(undefined)).toBe(
      `ts-tripwire: params and outputs are not validated: the installed AWS SDK line (version unknown) ${tail}`,
    );
  });

  test('required params unchecked: names the SDK line and the version to upgrade to', () => {
    expect(requiredUncheckedWarning('@aws-sdk/client-dynamodb 3.960.0')).toBe(
      'ts-tripwire: required params are not checked: the installed AWS SDK line (@aws-sdk/client-dynamodb 3.960.0) ' +
        'has operation schemas but does not mark required members, so a call without a TableName or a Key passes ' +
        'here and fails in production (unknown params and outputs are still checked). ' +
        'Upgrade the @aws-sdk/* packages to 3.969.0 or later to have them checked.',
    );
  });
});
