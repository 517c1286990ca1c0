/**
 * The update-mode glue after a test: the switch, when it writes and when it refuses, what it prints, and
 * several tests of one file written against the file as the run loaded it. The verifier here is a stand-in
 * giving fixed missing code; the child Jest run (update-mode.e2e.test.ts) drives the real one.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { TripwireConfigError } from '../../src/errors';
import {
  type SiteInFile,
  type UpdatableVerifier,
  updateModeRequested,
  withUpdateMode,
} from '../../src/update-mode/update-test-file';
import { GET_ASSERT, GET_MOCK, lines, PUT_MOCK, runSite } from './writing';

const TWO_TESTS = lines(
  "import { tripwire } from 'ts-tripwire';",
  '',
  "test('first', async () => {",
  '  await tripwire.run(first);',
  '});',
  '',
  "test('second', async () => {",
  '  await tripwire.run(second);',
  '});',
);

let directory: string;
let stderr: string[];

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'tripwire-update-'));
  stderr = [];
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  process.env.TRIPWIRE_UPDATE = '1';
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
  jest.restoreAllMocks();
  delete process.env.TRIPWIRE_UPDATE;
});

function testFile(text: string): string {
  const file = join(directory, 'orders.test.ts');
  writeFileSync(file, text);
  return file;
}

/** A test's verifier that found these lines missing, its runs at these sites. */
function standIn(sites: SiteInFile[], before = [GET_MOCK], after = [GET_ASSERT]) {
  const configured: unknown[] = [];
  const verifier: UpdatableVerifier = {
    configure: (options) => void configured.push(options),
    missingCode: () => ({ before, after, imports: [], notes: ['SecretString redacted'] }),
    runSites: sites,
  };
  const finish = jest.fn<() => void>();
  return { test: { verifier, finish }, configured };
}

const siteIn = (file: string, source: string, occurrence = 1): SiteInFile => ({
  file,
  ...runSite(source, occurrence),
});

describe('the switch', () => {
  test('TRIPWIRE_UPDATE set to anything but empty, 0 or false', () => {
    expect(['1', 'true', 'yes'].map((value) => updateModeRequested({ TRIPWIRE_UPDATE: value }))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['', '0', 'false', ' FALSE '].map((value) => updateModeRequested({ TRIPWIRE_UPDATE: value })),
    ).toEqual([false, false, false, false]);
    expect(updateModeRequested({})).toBe(false);
  });

  test('without it the test is returned as it is and nothing is configured or written', () => {
    delete process.env.TRIPWIRE_UPDATE;
    const file = testFile(TWO_TESTS);
    const { test: running, configured } = standIn([siteIn(file, TWO_TESTS)]);
    expect(withUpdateMode(running)).toBe(running);
    expect(configured).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(TWO_TESTS);
  });

  test("with it the verifier is put in update mode; a refusal (CI) finishes the test's verifier and propagates", () => {
    const { test: running, configured } = standIn([]);
    withUpdateMode(running);
    expect(configured).toEqual([{ mode: 'update' }]);
    const refused = new Error('refused in CI');
    running.verifier.configure = () => {
      throw refused;
    };
    expect(() => withUpdateMode(running)).toThrow(refused);
    expect(running.finish).toHaveBeenCalledTimes(1);
  });

  test('with TRIPWIRE_RECORD set too: refused, naming both, before the verifier is put in any mode', () => {
    process.env.TRIPWIRE_RECORD = '1';
    try {
      const { test: running, configured } = standIn([]);
      expect(() => withUpdateMode(running)).toThrow(
        new TripwireConfigError(
          'TRIPWIRE_UPDATE and TRIPWIRE_RECORD are both set: update mode writes the missing lines into the tests, record mode prints (or writes beside them) the code of every call. Set one of them.',
        ),
      );
      expect(configured).toEqual([]);
      expect(running.finish).toHaveBeenCalledTimes(1);
    } finally {
      delete process.env.TRIPWIRE_RECORD;
    }
  });
});

describe('writing after the test', () => {
  test('two tests of one file: each writes its lines, placed against the file as it was loaded', () => {
    const file = testFile(TWO_TESTS);
    withUpdateMode(standIn([siteIn(file, TWO_TESTS, 1)]).test).finish();
    withUpdateMode(standIn([siteIn(file, TWO_TESTS, 2)]).test).finish();
    expect(readFileSync(file, 'utf8')).toBe(
      lines(
        "import { tripwire } from 'ts-tripwire';",
        '',
        "test('first', async () => {",
        `  ${GET_MOCK}`,
        '  await tripwire.run(first);',
        `  ${GET_ASSERT}`,
        '});',
        '',
        "test('second', async () => {",
        `  ${GET_MOCK}`,
        '  await tripwire.run(second);',
        `  ${GET_ASSERT}`,
        '});',
      ),
    );
    expect(stderr.join('')).toBe(
      `ts-tripwire update mode: wrote 1 statement before the run and 1 statement after it into ${file}:5 for 'two tests of one file: each writes its lines, placed against the file as it was loaded'\n  note: SecretString redacted\n` +
        `ts-tripwire update mode: wrote 1 statement before the run and 1 statement after it into ${file}:11 for 'two tests of one file: each writes its lines, placed against the file as it was loaded'\n  note: SecretString redacted\n`,
    );
    expect(readdirSync(directory)).toEqual(['orders.test.ts']);
  });

  test('a test that failed already (as a runner setup may say): nothing written, and why printed', () => {
    const file = testFile(TWO_TESTS);
    const running = withUpdateMode(standIn([siteIn(file, TWO_TESTS)]).test) as {
      finish(failed?: boolean): void;
    };
    running.finish(true);
    expect(readFileSync(file, 'utf8')).toBe(TWO_TESTS);
    expect(stderr.join('')).toBe(
      `ts-tripwire update mode: nothing written into ${file} for 'a test that failed already (as a runner setup may say): nothing written, and why printed': it failed for another reason first.\n`,
    );
  });

  test('nothing missing: nothing written, nothing printed', () => {
    const file = testFile(TWO_TESTS);
    withUpdateMode(standIn([siteIn(file, TWO_TESTS)], [], []).test).finish();
    expect(readFileSync(file, 'utf8')).toBe(TWO_TESTS);
    expect(stderr).toEqual([]);
  });

  test('what the verification throws fails the test and nothing is written', () => {
    const file = testFile(TWO_TESTS);
    const { test: running } = standIn([siteIn(file, TWO_TESTS)]);
    running.finish.mockImplementation(() => {
      throw new Error('UnusedMocksError');
    });
    expect(() => withUpdateMode(running).finish()).toThrow('UnusedMocksError');
    expect(readFileSync(file, 'utf8')).toBe(TWO_TESTS);
  });

  test('a run it cannot write around fails the test with the reason and the lines to write by hand', () => {
    const source = lines('async function helper() {', '  await tripwire.run(go);', '}');
    const file = testFile(source);
    expect(() => withUpdateMode(standIn([siteIn(file, source)]).test).finish()).toThrow(
      `Update mode could not write this test's missing lines into ${file}: tripwire.run(...) (line 2, column 18) is inside the function helper (line 1), not directly in a test: the lines belong where that function is called, in each test that calls it. Move the run into the test, or write the lines there by hand.\n` +
        `Before the run:\n  ${GET_MOCK}\nAfter it:\n  ${GET_ASSERT}\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(source);
  });

  test('a file changed on disk since update mode wrote it is not written again', () => {
    const file = testFile(TWO_TESTS);
    withUpdateMode(standIn([siteIn(file, TWO_TESTS, 1)]).test).finish();
    writeFileSync(file, `${readFileSync(file, 'utf8')}// edited\n`);
    expect(() => withUpdateMode(standIn([siteIn(file, TWO_TESTS, 2)]).test).finish()).toThrow(
      'it changed on disk since update mode last wrote it in this run.',
    );
  });

  const REWRITE_TITLE =
    'a run whose lines an earlier test wrote (test.each, a retry): the same lines are not written twice, other lines are refused';
  test(REWRITE_TITLE, () => {
    const file = testFile(TWO_TESTS);
    withUpdateMode(standIn([siteIn(file, TWO_TESTS, 1)]).test).finish();
    const written = readFileSync(file, 'utf8');
    stderr.length = 0;
    withUpdateMode(standIn([siteIn(file, TWO_TESTS, 1)]).test).finish();
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(stderr.join('')).toBe(
      `ts-tripwire update mode: '${REWRITE_TITLE}' needs the lines an earlier test of this run wrote around the same run in ${file}: nothing more written.\n`,
    );
    expect(() => withUpdateMode(standIn([siteIn(file, TWO_TESTS, 1)], [PUT_MOCK]).test).finish()).toThrow(
      'an earlier test of this file (a test.each case, or a retry) already wrote lines around this run, and this one needs other lines',
    );
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  test('no run on the stack: the lines to write by hand', () => {
    expect(() => withUpdateMode(standIn([]).test).finish()).toThrow(
      `Update mode could not write this test's missing lines into the test file: no run of this test was found on the stack.\nBefore the run:\n  ${GET_MOCK}\n`,
    );
  });
});
