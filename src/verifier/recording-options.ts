import { writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { TripwireConfigError } from '../errors';
import type { CodeOptions, RecordOptions } from '../plugins/contract/plugin';
import type { CallSite } from '../util/call-site';
import { describeValue } from '../util/describe-value';
import { guardedRead } from '../util/guarded-read';

/** Where a `run(` (or `record(`) call is in the user's source: an absolute file, 1-based line and column. */
export interface RunSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The call site as a position, or `undefined` when no user frame was found. */
export function runSiteOf(site: CallSite): RunSite | undefined {
  const match = /^(.*):(\d+):(\d+)$/.exec(site.toString());
  if (match === null) return undefined;
  return { file: resolve(process.cwd(), match[1]!), line: Number(match[2]), column: Number(match[3]) };
}

const RECORD_OPTIONS = ['typed', 'redact', 'allowInCI', 'print', 'file'];

/** `record()`'s options read once and checked; a bad one is a `TripwireConfigError` naming the fix. */
export function readRecordOptions(options: unknown, hintName: string): RecordOptions {
  if (options === undefined) return {};
  const example = `await ${hintName}.record(async () => { /* code to record */ }, { typed: true, file: true });`;
  const fail = (problem: string) => new TripwireConfigError(`record() ${problem}: ${example}`);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw fail(`takes an options object, not ${describeValue(options)}`);
  }
  const read = guardedRead(() => ({ ...(options as Record<string, unknown>) }));
  if (!read.ok) throw fail('could not read its options');
  const given = read.value;
  const unknown = Object.keys(given).filter((key) => !RECORD_OPTIONS.includes(key));
  if (unknown.length > 0) {
    throw fail(
      `does not know the option ${unknown.map((key) => `'${key}'`).join(', ')} (it knows ${RECORD_OPTIONS.join(', ')})`,
    );
  }
  for (const name of ['redact', 'allowInCI', 'print'] as const) {
    if (given[name] !== undefined && typeof given[name] !== 'boolean') {
      throw fail(`takes true or false for '${name}', not ${describeValue(given[name])}`);
    }
  }
  const { typed, file } = given;
  const typedOk =
    typed === undefined ||
    typeof typed === 'boolean' ||
    (Array.isArray(typed) && typed.every((name) => typeof name === 'string'));
  if (!typedOk) {
    throw fail(
      `takes true, false or command class names for 'typed' (['GetObjectCommand']), not ${describeValue(typed)}`,
    );
  }
  if (file !== undefined && typeof file !== 'boolean' && (typeof file !== 'string' || file === '')) {
    throw fail(`takes a path or true for 'file', not ${describeValue(file)}`);
  }
  return given as RecordOptions;
}

/** Only the options that shape the code. */
export function codeOptions(options: RecordOptions): CodeOptions {
  const picked: { typed?: CodeOptions['typed']; redact?: boolean } = {};
  if (options.typed !== undefined) picked.typed = options.typed;
  if (options.redact !== undefined) picked.redact = options.redact;
  return picked;
}

/** Prints the text and writes it where `options.file` says; returns the path written, if any. */
export function deliverText(
  text: string,
  options: RecordOptions,
  site: RunSite | undefined,
): string | undefined {
  if (options.print !== false) console.log(text);
  if (options.file === undefined || options.file === false) return undefined;
  const base = site === undefined ? process.cwd() : dirname(site.file);
  let path: string;
  if (options.file === true) {
    if (site === undefined) {
      throw new TripwireConfigError(
        "record({ file: true }) writes beside the calling file, and none was found on the stack: give a path, record(fn, { file: 'orders.recorded.ts' }).",
      );
    }
    path = site.file.replace(/\.[cm]?[jt]sx?$/, '') + '.recorded.ts';
  } else {
    path = isAbsolute(options.file) ? options.file : resolve(base, options.file);
  }
  writeFileSync(path, text);
  return path;
}
