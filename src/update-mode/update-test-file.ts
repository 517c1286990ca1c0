/**
 * Update mode (`TRIPWIRE_UPDATE=1`): after a test whose only shortfall is lines it lacks (calls it did not
 * mock or did not assert), those lines are written into the test's file, the way Jest writes inline
 * snapshots with `-u`. Without the switch nothing here runs and the parser is never loaded.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { TripwireConfigError, TripwireError } from '../errors';
import { envSwitch } from '../util/env-switch';
import { detectStyle } from './formatting';
import { type ImportNeed, type Insertion, importInsertions } from './imports';
import { finish, type MissingCode, planMissingCode } from './source-writer';
import { children, type ParsedFile, parseSource } from './syntax';
import { currentFileRun, currentTestFailed, currentTestName } from './test-status';

export const UPDATE_VARIABLE = 'TRIPWIRE_UPDATE';

/** Where a run was called: an absolute file, 1-based line and column. */
export interface SiteInFile {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** What update mode needs of a test's verifier. */
export interface UpdatableVerifier {
  configure(options: { readonly mode: 'update' }): void;
  missingCode(options?: {
    readonly typed?: readonly string[];
  }): MissingCode & { readonly notes: readonly string[] };
  readonly runSites: readonly SiteInFile[];
}

/** A test's verifier as the runner setups hold it: `finish()` verifies, and throws what fails the test. */
export interface FinishingTest<V> {
  readonly verifier: V;
  finish(): void;
}

/** Record mode's switch (named in verifier/recording-switch.ts, which this layer may not import): with both set, which mode was meant is unclear. */
const RECORD_VARIABLE = 'TRIPWIRE_RECORD';

/** Whether the run asked for update mode: `TRIPWIRE_UPDATE` set to anything but empty, `0` or `false`. */
export function updateModeRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return envSwitch(UPDATE_VARIABLE, env) !== undefined;
}

/**
 * The test unchanged without the switch. With it, its verifier in update mode (refused in CI unless allowed,
 * as record mode is: the error fails the test, with the verifier finished), and a `finish()` that, once the
 * verifier found nothing else wrong, writes the lines the test lacks into its file.
 */
export function withUpdateMode<T extends FinishingTest<UpdatableVerifier>>(test: T): T {
  if (!updateModeRequested()) return test;
  try {
    if (envSwitch(RECORD_VARIABLE) !== undefined) {
      throw new TripwireConfigError(
        `${UPDATE_VARIABLE} and ${RECORD_VARIABLE} are both set: update mode writes the missing lines into the tests, record mode prints (or writes beside them) the code of every call. Set one of them.`,
      );
    }
    test.verifier.configure({ mode: 'update' });
  } catch (error) {
    try {
      test.finish();
    } catch {
      // The refusal is what the user must read; the test has not started, so nothing else can be wrong.
    }
    throw error;
  }
  return {
    ...test,
    /** `failedAlready`: from a runner setup that knows (node:test's context); else the runner's state is read. */
    finish(failedAlready?: boolean) {
      test.finish();
      writeMissingLines(test.verifier, failedAlready ?? currentTestFailed());
    },
  };
}

interface FileUpdate {
  /** The file as the test run loaded it: every position (call sites, insertions) refers to this text. */
  readonly original: string;
  written: string;
  insertions: Insertion[];
  imports: ImportNeed[];
}

/** Per run of a test file, per file written: the original text and what the earlier tests inserted. */
const updates = new WeakMap<object, Map<string, FileUpdate>>();

function writeMissingLines(verifier: UpdatableVerifier, failedAlready: boolean | undefined): void {
  const sites = distinctSites(verifier.runSites);
  const file = sites[0]?.file;
  if (file === undefined || sites.some((site) => site.file !== file)) {
    const code = verifier.missingCode();
    if (isEmpty(code)) return;
    const reason =
      file === undefined
        ? 'no run of this test was found on the stack'
        : `this test's runs are in more than one file (${[...new Set(sites.map((site) => site.file))].join(', ')})`;
    throw cannotWrite(file ?? 'the test file', reason, code);
  }
  const update = fileUpdate(file);
  if (typeof update === 'string') throw cannotWrite(file, update, verifier.missingCode());
  const parsed = parseSource(update.original);
  const code = verifier.missingCode({ typed: importedNames(parsed) });
  if (isEmpty(code)) return;
  if (failedAlready === true) {
    process.stderr.write(
      `ts-tripwire update mode: nothing written into ${shown(file)} for ${testLabel()}: it failed for another reason first.\n`,
    );
    return;
  }
  const written = insert(file, update, parsed, sites, code);
  if (typeof written === 'string') throw cannotWrite(file, written, code);
  if (written === ALREADY_WRITTEN) {
    process.stderr.write(
      `ts-tripwire update mode: ${testLabel()} needs the lines an earlier test of this run wrote around the same run in ${shown(file)}: nothing more written.\n`,
    );
    return;
  }
  const notes = code.notes.map((note) => `\n  note: ${note}`).join('');
  process.stderr.write(
    `ts-tripwire update mode: wrote ${count(code.before.length)} before the run and ${count(code.after.length)} after it into ${shown(file)}:${written} for ${testLabel()}${notes}\n`,
  );
}

/** The file's update in this run of the test file, or why it cannot be written. */
function fileUpdate(file: string): FileUpdate | string {
  const fileRun = currentFileRun();
  const files = updates.get(fileRun) ?? new Map<string, FileUpdate>();
  updates.set(fileRun, files);
  let onDisk: string;
  try {
    onDisk = readFileSync(file, 'utf8');
  } catch (error) {
    return `it could not be read (${(error as Error).message})`;
  }
  const known = files.get(file);
  if (known === undefined) {
    const fresh: FileUpdate = { original: onDisk, written: onDisk, insertions: [], imports: [] };
    files.set(file, fresh);
    return fresh;
  }
  return onDisk === known.written ? known : 'it changed on disk since update mode last wrote it in this run';
}

/** What `insert` says when a `test.each` case or a retry needs exactly the lines an earlier one wrote. */
const ALREADY_WRITTEN = 0;

/**
 * Plans the lines against the original text, writes the file, and returns the run's new line (or why not, or
 * {@link ALREADY_WRITTEN}).
 */
function insert(
  file: string,
  update: FileUpdate,
  parsed: ParsedFile,
  sites: readonly SiteInFile[],
  code: MissingCode,
): number | string {
  const style = detectStyle(update.original, parsed);
  // With several runs in the test, registrations go before the first, assertions after the last.
  const before = planMissingCode(update.original, parsed, sites[0]!, { ...code, after: [] }, style);
  if ('reason' in before) return before.reason;
  const after = planMissingCode(update.original, parsed, sites.at(-1)!, { ...code, before: [] }, style);
  if ('reason' in after) return after.reason;
  const fresh = [...before.placement.insertions, ...after.placement.insertions];
  const clash = clashWithEarlier(update.insertions, fresh);
  if (clash !== undefined) return clash === 'same' ? ALREADY_WRITTEN : clash;
  const insertions = [...update.insertions, ...fresh];
  const imports = [...update.imports, ...code.imports];
  const result = finish(
    update.original,
    [...insertions, ...importInsertions(update.original, parsed, imports, style)],
    before.placement.runOffset,
  );
  if ('reason' in result) return result.reason;
  writeAtomically(file, result.text);
  Object.assign(update, { written: result.text, insertions, imports });
  return result.line;
}

/** An earlier test of the file (a `test.each` case, a retry) wrote lines at the same place. */
function clashWithEarlier(earlier: readonly Insertion[], fresh: readonly Insertion[]): string | undefined {
  const taken = new Set(earlier.map((insertion) => insertion.offset));
  if (!fresh.some((insertion) => taken.has(insertion.offset))) return undefined;
  const same = (a: Insertion) => earlier.some((b) => a.offset === b.offset && a.text === b.text);
  if (fresh.every(same)) return 'same';
  return 'an earlier test of this file (a test.each case, or a retry) already wrote lines around this run, and this one needs other lines: write them by hand, or give each case its own test';
}

/** Written beside the file, then renamed over it: a reader sees the old text or the new, never half. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.tripwire-${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: statSync(file).mode });
  renameSync(temporary, file);
}

function distinctSites(sites: readonly SiteInFile[]): SiteInFile[] {
  const seen = new Map<string, SiteInFile>();
  for (const site of sites) seen.set(`${site.file}:${site.line}:${site.column}`, site);
  return [...seen.values()];
}

/** Every name the file imports: the plugin writes the typed form for the ones it knows. */
function importedNames(parsed: ParsedFile): string[] {
  return children(parsed.program, 'body')
    .filter((node) => node.type === 'ImportDeclaration')
    .flatMap((node) => children(node, 'specifiers'))
    .flatMap((specifier) => {
      const local = specifier.local as { name?: unknown } | undefined;
      return typeof local?.name === 'string' ? [local.name] : [];
    });
}

function isEmpty(code: MissingCode): boolean {
  return code.before.length === 0 && code.after.length === 0;
}

function cannotWrite(file: string, reason: string, code: MissingCode): TripwireError {
  const block = (lines: readonly string[]) => lines.map((line) => line.replace(/^/gm, '  ')).join('\n');
  return new TripwireError(
    `Update mode could not write this test's missing lines into ${shown(file)}: ${reason}.\n` +
      (code.before.length > 0 ? `Before the run:\n${block(code.before)}\n` : '') +
      (code.after.length > 0 ? `After it:\n${block(code.after)}\n` : ''),
  );
}

/** Relative to the working directory when the file is under it, else absolute. */
function shown(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? file : path;
}
const count = (statements: number): string => `${statements} statement${statements === 1 ? '' : 's'}`;

function testLabel(): string {
  const name = currentTestName();
  return name === undefined ? 'this test' : `'${name}'`;
}
