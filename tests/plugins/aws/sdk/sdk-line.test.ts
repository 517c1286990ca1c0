/**
 * Which SDK line a file belongs to, and the once-per-process warnings that name it (sdk-line.ts), driven in
 * process against installed packages: the root's latest line and the 3.600 workspace, each loaded or pointed
 * at by absolute path, so the file runs alike in both projects. The warnings are otherwise only seen from a
 * child process on the 3.600 line (tests/compat/sdk-3.600/sdk-line.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Upload } from '@aws-sdk/lib-storage';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import {
  requiredUncheckedWarning,
  validationSkippedWarning,
} from '../../../../src/plugins/aws/messages/warnings';
import {
  marksNoRequiredMembers,
  sdkLine,
  validationWarningsGiven,
  warnIfRequiredUnchecked,
  warnValidationSkipped,
} from '../../../../src/plugins/aws/sdk/sdk-line';

const ROOT = join(__dirname, '../../../..');
const ROOT_MODULES = join(ROOT, 'node_modules');
const WORKSPACE_MODULES = join(ROOT, 'tests/compat/sdk-3.600/node_modules');

const LATEST_S3_ENTRY = join(ROOT_MODULES, '@aws-sdk/client-s3/dist-cjs/index.js');
const OLD_S3_ENTRY = join(WORKSPACE_MODULES, '@aws-sdk/client-s3/dist-cjs/index.js');
const LATEST_S3_VERSION = (
  JSON.parse(readFileSync(join(ROOT_MODULES, '@aws-sdk/client-s3/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const LATEST_S3_LINE = `@aws-sdk/client-s3 ${LATEST_S3_VERSION}`;
const OLD_S3_LINE = '@aws-sdk/client-s3 3.600.0';
// Not an SDK package: jest's own entry, and @smithy's core (an SDK dependency, but not under @aws-sdk/).
const JEST_ENTRY = join(ROOT_MODULES, 'jest/build/index.js');

describe('sdkLine', () => {
  test('names the @aws-sdk package a file belongs to and its version, from the manifest above it', () => {
    expect(sdkLine(LATEST_S3_ENTRY)).toBe(LATEST_S3_LINE);
    expect(sdkLine(OLD_S3_ENTRY)).toBe(OLD_S3_LINE);
    expect(LATEST_S3_VERSION).not.toBe('3.600.0');
  });

  test('looks up to four folders above the file, and no further', () => {
    // dist-types/ts3.4/auth/: the manifest is four folders up.
    expect(
      sdkLine(join(ROOT_MODULES, '@aws-sdk/client-s3/dist-types/ts3.4/auth/httpAuthSchemeProvider.d.ts')),
    ).toBe(LATEST_S3_LINE);
    // dist-es/submodules/cognito-identity/auth/: five.
    const fiveUp = join(
      ROOT_MODULES,
      '@aws-sdk/nested-clients/dist-es/submodules/cognito-identity/auth/httpAuthSchemeProvider.js',
    );
    expect(readFileSync(fiveUp, 'utf8')).not.toBe('');
    expect(sdkLine(fiveUp)).toBeUndefined();
  });

  test('a file of a package outside @aws-sdk/ has no SDK line', () => {
    expect(sdkLine(JEST_ENTRY)).toBeUndefined();
    expect(sdkLine(join(ROOT_MODULES, '@smithy/core/dist-cjs/index.js'))).toBeUndefined();
  });
});

describe('marksNoRequiredMembers', () => {
  test('reads the whole patch number (3.952.10 is still before 3.969)', () => {
    expect(marksNoRequiredMembers('@aws-sdk/client-s3 3.952.10')).toBe(true);
  });

  test('only major version 3 is judged: 13.900.0 is not 3.900.0', () => {
    expect(marksNoRequiredMembers('@aws-sdk/client-s3 13.900.0')).toBe(false);
  });

  test('a line whose version cannot be read (a manifest without one) is not judged', () => {
    expect(marksNoRequiredMembers('@aws-sdk/client-s3 undefined')).toBe(false);
  });
});

// sdk-line.ts's once-per-process marks, shared by every test file of a worker.
const warned = validationWarningsGiven;
let warnedBefore: string[] = [];

beforeAll(() => {
  warnedBefore = [...warned];
});

beforeEach(() => {
  warned.clear();
});

afterEach(() => {
  jest.restoreAllMocks();
});

afterAll(() => {
  warned.clear();
  for (const mark of warnedBefore) warned.add(mark);
});

function captureWarnings() {
  return jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
}

// The 3.600 line's S3 command, loaded by path: in the library project beside the root's latest copy.
const oldS3 = require(OLD_S3_ENTRY) as { GetObjectCommand: unknown };
// A class no loaded client package exports (lib-storage is not an @aws-sdk/client-* package), standing for a
// command whose package is not found among them (a bundle).
const unexported = Upload;

describe('warnValidationSkipped', () => {
  test('once per process, a TripwireWarning naming the line of the package that exports the command', () => {
    const emitWarning = captureWarnings();

    // The command's own package wins over the place the model would be resolved from.
    warnValidationSkipped(oldS3.GetObjectCommand, LATEST_S3_ENTRY);
    warnValidationSkipped(oldS3.GetObjectCommand, LATEST_S3_ENTRY);

    expect(emitWarning.mock.calls).toEqual([
      [
        validationSkippedWarning(OLD_S3_LINE),
        { type: 'TripwireWarning', code: 'TRIPWIRE_VALIDATION_SKIPPED' },
      ],
    ]);
    expect(emitWarning.mock.calls[0]![0]).toBe(
      'ts-tripwire: params and outputs are not validated: the installed AWS SDK line (@aws-sdk/client-s3 3.600.0) ' +
        'has no operation schemas, so a misspelt param or output member, a missing required param, or a value of ' +
        'the wrong kind passes without a word. Upgrade the @aws-sdk/* packages to 3.969.0 or later to have them ' +
        'checked; or, to say that you know, turn validation off: configure({ validate: false })',
    );
  });

  test('a command no loaded client package exports: the line of the file the model is resolved from', () => {
    const emitWarning = captureWarnings();

    warnValidationSkipped(unexported, OLD_S3_ENTRY);

    expect(emitWarning.mock.calls).toEqual([
      [
        validationSkippedWarning(OLD_S3_LINE),
        { type: 'TripwireWarning', code: 'TRIPWIRE_VALIDATION_SKIPPED' },
      ],
    ]);
  });

  test('and "version unknown" when that file is in no SDK package', () => {
    const emitWarning = captureWarnings();

    warnValidationSkipped(unexported, JEST_ENTRY);

    expect(emitWarning.mock.calls).toEqual([
      [validationSkippedWarning(undefined), { type: 'TripwireWarning', code: 'TRIPWIRE_VALIDATION_SKIPPED' }],
    ]);
  });

  test('said apart from the required-members warning: each is once per process on its own', () => {
    const emitWarning = captureWarnings();

    warnIfRequiredUnchecked(oldS3.GetObjectCommand, OLD_S3_ENTRY);
    warnValidationSkipped(oldS3.GetObjectCommand, OLD_S3_ENTRY);

    expect(emitWarning.mock.calls.map(([, options]) => options)).toEqual([
      { type: 'TripwireWarning', code: 'TRIPWIRE_VALIDATION_PARTIAL' },
      { type: 'TripwireWarning', code: 'TRIPWIRE_VALIDATION_SKIPPED' },
    ]);
  });
});

describe('warnIfRequiredUnchecked', () => {
  test('once per process, a TripwireWarning naming a line before 3.969 from the package that exports the command', () => {
    const emitWarning = captureWarnings();

    warnIfRequiredUnchecked(oldS3.GetObjectCommand, LATEST_S3_ENTRY);
    warnIfRequiredUnchecked(oldS3.GetObjectCommand, LATEST_S3_ENTRY);

    expect(emitWarning.mock.calls).toEqual([
      [
        requiredUncheckedWarning(OLD_S3_LINE),
        { type: 'TripwireWarning', code: 'TRIPWIRE_VALIDATION_PARTIAL' },
      ],
    ]);
    expect(emitWarning.mock.calls[0]![0]).toBe(
      'ts-tripwire: required params are not checked: the installed AWS SDK line (@aws-sdk/client-s3 3.600.0) ' +
        'has operation schemas but does not mark required members, so a call without a TableName or a Key passes ' +
        'here and fails in production (unknown params and outputs are still checked). ' +
        'Upgrade the @aws-sdk/* packages to 3.969.0 or later to have them checked.',
    );
  });

  test('a command no loaded client package exports: decided from the file the model is resolved from', () => {
    const emitWarning = captureWarnings();

    warnIfRequiredUnchecked(unexported, OLD_S3_ENTRY);

    expect(emitWarning.mock.calls).toEqual([
      [
        requiredUncheckedWarning(OLD_S3_LINE),
        { type: 'TripwireWarning', code: 'TRIPWIRE_VALIDATION_PARTIAL' },
      ],
    ]);
  });

  test('nothing on a line that marks required members, and the question is then settled for the process', () => {
    const emitWarning = captureWarnings();

    warnIfRequiredUnchecked(unexported, LATEST_S3_ENTRY);
    warnIfRequiredUnchecked(oldS3.GetObjectCommand, OLD_S3_ENTRY);

    expect(emitWarning).not.toHaveBeenCalled();
  });

  test('nothing when the line cannot be told', () => {
    const emitWarning = captureWarnings();

    warnIfRequiredUnchecked(unexported, JEST_ENTRY);

    expect(emitWarning).not.toHaveBeenCalled();
  });
});
