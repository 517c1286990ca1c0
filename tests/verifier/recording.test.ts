/**
 * `verifier.record(fn, options)` and `configure({ mode })` as the verifier sees them: refused in CI unless
 * allowed, bad input refused with the fix, the text and where it goes. The calls themselves are the AWS
 * plugin's (tests/plugins/aws/recording).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { StrictVerifier, TripwireConfigError } from 'ts-tripwire';

const saved = { CI: process.env.CI, allow: process.env.TRIPWIRE_RECORD_ALLOW_CI };

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

function inCI(allow?: string): void {
  setEnv('CI', 'true');
  setEnv('TRIPWIRE_RECORD_ALLOW_CI', allow);
}

// Every test starts as on a developer's machine, whatever the pipeline running this suite sets; 'in CI' sets it.
beforeEach(() => {
  setEnv('CI', undefined);
  setEnv('TRIPWIRE_RECORD_ALLOW_CI', undefined);
});

afterEach(() => {
  setEnv('CI', saved.CI);
  setEnv('TRIPWIRE_RECORD_ALLOW_CI', saved.allow);
  jest.restoreAllMocks();
});

const quiet = { print: false } as const;

describe('in CI', () => {
  test('record() is refused, naming both ways to allow it', async () => {
    inCI();

    await expect(new StrictVerifier().record(() => 1, quiet)).rejects.toThrow(
      new TripwireConfigError(
        'record() reaches real services, and CI is set (CI=true): recording is refused in CI so that no pipeline ' +
          'calls real endpoints by accident. Record on your machine, or allow it explicitly with ' +
          'TRIPWIRE_RECORD_ALLOW_CI=1, or record(fn, { allowInCI: true }).',
      ),
    );
  });

  test("configure({ mode: 'record' }) and ({ mode: 'update' }) are refused, and the mode stays strict", () => {
    inCI();
    const verifier = new StrictVerifier();

    expect(() => verifier.configure({ mode: 'record' })).toThrow(
      /^configure\(\{ mode \}\) reaches real services, and CI is set \(CI=true\).*TRIPWIRE_RECORD_ALLOW_CI=1: verifier\.configure\(\{ mode: 'record' \}\);$/,
    );
    expect(() => verifier.configure({ mode: 'update' })).toThrow(TripwireConfigError);
    expect(verifier.mode).toBe('strict');
  });

  test('allowInCI or TRIPWIRE_RECORD_ALLOW_CI=1 allows it', async () => {
    inCI();
    await expect(
      new StrictVerifier().record(() => 'ran', { ...quiet, allowInCI: true }),
    ).resolves.toMatchObject({
      value: 'ran',
    });
    inCI('1');
    const verifier = new StrictVerifier();
    verifier.configure({ mode: 'update' });
    expect(verifier.mode).toBe('update');
    await expect(verifier.record(() => 'ran', quiet)).resolves.toMatchObject({ value: 'ran' });
  });

  test('CI=false is not CI', async () => {
    setEnv('CI', 'false');
    setEnv('TRIPWIRE_RECORD_ALLOW_CI', undefined);
    await expect(new StrictVerifier().record(() => 'ran', quiet)).resolves.toMatchObject({ value: 'ran' });
  });
});

describe('bad input', () => {
  test.each([
    ['options that are not an object', [() => 1, 5], 'record() takes an options object, not number 5: '],
    [
      'an unknown option',
      [() => 1, { output: 'x' }],
      "record() does not know the option 'output' (it knows typed, redact, allowInCI, print, file): ",
    ],
    [
      'typed as a number',
      [() => 1, { typed: 3 }],
      "record() takes true, false or command class names for 'typed' (['GetObjectCommand']), not number 3: ",
    ],
    [
      'print as a string',
      [() => 1, { print: 'yes' }],
      "record() takes true or false for 'print', not the string 'yes': ",
    ],
    [
      'an empty file',
      [() => 1, { file: '' }],
      "record() takes a path or true for 'file', not the string '': ",
    ],
  ])('%s is a TripwireConfigError naming the fix', async (_, args, message) => {
    const verifier = new StrictVerifier();
    const record = verifier.record as (...given: unknown[]) => Promise<unknown>;

    const error = await record.apply(verifier, args).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(TripwireConfigError);
    expect((error as Error).message).toBe(
      `${message}await verifier.record(async () => { /* code to record */ }, { typed: true, file: true });`,
    );
    expect(verifier.mode).toBe('strict');
  });

  test('a function is required', async () => {
    const record = new StrictVerifier().record as (fn: unknown) => Promise<unknown>;
    await expect(record('not a function')).rejects.toThrow(
      new TripwireConfigError(
        "record() takes a function, not the string 'not a function': await verifier.record(async () => { /* code to record */ });",
      ),
    );
  });

  test('an unknown mode is refused, listing the modes', () => {
    expect(() => new StrictVerifier().configure({ mode: 'replay' as 'record' })).toThrow(
      "configure({ mode }) was given the string 'replay', which is not a mode. Use 'strict' (default), 'record' or 'update': verifier.configure({ mode: 'record' });",
    );
  });

  test('record() inside a recording of the same verifier is refused', async () => {
    const verifier = new StrictVerifier();

    const inner = await verifier.record(
      () => verifier.record(() => 1, quiet).catch((error: unknown) => error),
      quiet,
    );

    expect(inner.value).toBeInstanceOf(TripwireConfigError);
    expect((inner.value as Error).message).toMatch(/^A recording of this verifier is already going on/);
  });

  test('a disposed verifier refuses record()', async () => {
    const verifier = new StrictVerifier();
    verifier[Symbol.dispose]();

    await expect(verifier.record(() => 1, quiet)).rejects.toThrow(/^record\(\) on a disposed verifier/);
  });
});

describe('the recorded text', () => {
  test('has a header, the sandbox to fill in, and is printed unless print: false', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);

    const { text, code } = await new StrictVerifier().record(() => undefined);

    expect(code).toEqual({ before: [], after: [], imports: [], notes: [], recordedAgainst: [] });
    expect(text).toMatch(
      /^\/\/ Recorded by ts-tripwire on \d{4}-\d\d-\d\dT[\d:.]+Z\n\nawait verifier\.run\(async \(\) => \{\n {2}\/\* the code you recorded \*\/\n\}\);\n$/,
    );
    expect(log).toHaveBeenCalledWith(text);
  });

  test('is written to the file asked for: a path, or beside the calling file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tripwire-record-'));
    const path = join(directory, 'orders.recorded.ts');
    try {
      const written = await new StrictVerifier().record(() => undefined, { ...quiet, file: path });
      expect(written.file).toBe(path);
      expect(readFileSync(path, 'utf8')).toBe(written.text);

      const beside = await new StrictVerifier().record(() => undefined, { ...quiet, file: true });
      expect(beside.file).toBe(join(__dirname, 'recording.test.recorded.ts'));
      expect(readFileSync(beside.file ?? '', 'utf8')).toBe(beside.text);
    } finally {
      rmSync(directory, { recursive: true, force: true });
      rmSync(join(__dirname, 'recording.test.recorded.ts'), { force: true });
    }
    expect(existsSync(join(__dirname, 'recording.test.recorded.ts'))).toBe(false);
  });
});
