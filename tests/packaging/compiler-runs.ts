/**
 * Runs TypeScript compilers over consumer folders, at most two at a time, and reads their diagnostics.
 */

import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChildResult, REPO_ROOT } from './packed-install';
import type { ConsumerFile, ModuleResolution } from './type-consumers';

/** Per compiler run. */
export const COMPILE_TIMEOUT_MS = 240_000;

export interface Compiler {
  readonly name: string;
  /** The `version` its package.json declares. */
  readonly version: string;
  readonly bin: string;
}

/** The older and newer compilers live in their own workspace so that the root's `tsc` bin is always 5.9.3. */
const COMPAT_TYPESCRIPT = join(REPO_ROOT, 'tests', 'compat', 'typescript', 'node_modules');

/** TypeScript 5.0.4 (the oldest 5.x), 5.9.3 (what the project builds with) and 7.0.2 (the native compiler). */
export const COMPILERS: readonly Compiler[] = [
  join(COMPAT_TYPESCRIPT, 'typescript-5.0'),
  join(REPO_ROOT, 'node_modules', 'typescript'),
  join(COMPAT_TYPESCRIPT, 'typescript-7'),
].map((root) => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { name: `TypeScript ${version}`, version, bin: join(root, 'bin/tsc') };
});

/**
 * What the matrix holds every combination to: `types: []` as TypeScript 7 defaults to, `strict`, and every
 * package's declarations checked (ts-tripwire's, the SDK's, Node's). Only the compiler's own lib files
 * (lib.es2022.d.ts, ...) are not: checking them took a third of each TypeScript 5 run.
 */
const CONSUMER_OPTIONS = {
  strict: true,
  skipLibCheck: false,
  skipDefaultLibCheck: true,
  types: [],
  noEmit: true,
  target: 'es2022',
};

const MODULE_FOR: Record<ModuleResolution, string> = {
  node16: 'node16',
  nodenext: 'nodenext',
  bundler: 'esnext',
};

export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

export interface CompileJob {
  readonly compiler: Compiler;
  /** The column of the results table. */
  readonly column: string;
  readonly folder: string;
  readonly resolution: ModuleResolution;
  readonly files: readonly string[];
}

export interface CompileRun extends CompileJob {
  readonly milliseconds: number;
  readonly result: ChildResult;
  readonly diagnostics: readonly Diagnostic[];
}

/** The fixture files a run compiles: those needing a later TypeScript, or another resolution, are left out. */
export function filesFor(
  compiler: Compiler,
  resolution: ModuleResolution,
  files: readonly ConsumerFile[],
): string[] {
  return files
    .filter((file) => file.since === undefined || atLeast(compiler.version, file.since))
    .filter((file) => file.onlyUnder === undefined || file.onlyUnder === resolution)
    .map((file) => file.name);
}

/** The fixture files a compiler is too old for, with the reason: printed under the results. */
export function leftOutFor(compiler: Compiler, files: readonly ConsumerFile[]): string[] {
  return files
    .filter((file) => file.since !== undefined && !atLeast(compiler.version, file.since))
    .map((file) => `${file.name} (needs ${file.since}: ${file.because ?? 'newer syntax'})`);
}

export function atLeast(version: string, minimum: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [minMajor = 0, minMinor = 0] = minimum.split('.').map(Number);
  return major > minMajor || (major === minMajor && minor >= minMinor);
}

/** Runs every job, two at a time (the machine has two cores), in the order given. */
export async function runAll(jobs: readonly CompileJob[]): Promise<CompileRun[]> {
  const runs: CompileRun[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      runs[index] = await compile(jobs[index]!);
    }
  };
  await Promise.all([worker(), worker()]);
  return runs;
}

async function compile(job: CompileJob): Promise<CompileRun> {
  const id = `${job.compiler.version}-${job.resolution}`;
  const tsconfig = join(job.folder, `tsconfig.${id}.json`);
  const compilerOptions = {
    ...CONSUMER_OPTIONS,
    module: MODULE_FOR[job.resolution],
    moduleResolution: job.resolution,
  };
  writeFileSync(tsconfig, `${JSON.stringify({ compilerOptions, files: job.files }, null, 2)}\n`);
  // TypeScript 7 checks on several threads by default: one each, as the two runs share two cores.
  const threads = job.compiler.version.startsWith('7.') ? ['--singleThreaded'] : [];
  const started = performance.now();
  const result = await runCompiler(
    [job.compiler.bin, '-p', tsconfig, '--pretty', 'false', ...threads],
    job.folder,
  );
  const milliseconds = performance.now() - started;
  return { ...job, milliseconds, result, diagnostics: parseDiagnostics(result.stdout) };
}

/**
 * One compiler run with plain Node. Its own time limit, longer than the other packaging children's: a
 * TypeScript 5 run checks every declaration file of the SDK, which takes tens of seconds on a busy machine.
 */
function runCompiler(args: readonly string[], cwd: string): Promise<ChildResult> {
  return new Promise((resolveRun) => {
    execFile(
      process.execPath,
      [...args],
      { cwd, timeout: COMPILE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolveRun({
          code,
          stdout,
          stderr: error !== null && code === null ? `${error.message}\n${stderr}` : stderr,
        });
      },
    );
  });
}

/** `file(line,column): error TS1234: message`, with the message's indented continuation lines. */
export function parseDiagnostics(output: string): Diagnostic[] {
  const pattern = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*(?:\n[ \t]+.*)*)/gm;
  return [...output.matchAll(pattern)].map((match) => ({
    file: match[1]!,
    line: Number(match[2]),
    column: Number(match[3]),
    code: match[4]!,
    message: match[5]!,
  }));
}

/** A line of a fixture marked `// error: <name>`: it must fail, about that member. */
export interface ExpectedError {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly column: number;
}

export function expectedErrors(fixture: string, asFile: string): ExpectedError[] {
  return readFileSync(fixture, 'utf8')
    .split('\n')
    .flatMap((text, index) => {
      const marker = /\/\/ error: (\w+)$/.exec(text);
      if (marker === null) return [];
      const name = marker[1]!;
      return [{ file: asFile, line: index + 1, name, column: text.indexOf(name) + 1 }];
    });
}

export function describeExpected(expected: ExpectedError): string {
  return `${expected.file}:${expected.line} refuses ${expected.name}`;
}

/**
 * A run's errors: an expected one as `describeExpected` writes it, any other in full. Compilers place a
 * refused member differently (at the member, or at the call when `mockCall`'s overloads all fail, naming
 * the member in the message), so an error is the expected one if it is on its line and at or about it.
 */
export function describedErrors(run: CompileRun, expected: readonly ExpectedError[]): string[] {
  return run.diagnostics.map((d) => {
    const match = expected.find(
      (e) =>
        e.file === d.file &&
        e.line === d.line &&
        (e.column === d.column || d.message.includes(`'${e.name}'`)),
    );
    return match
      ? describeExpected(match)
      : `${d.file}(${d.line},${d.column}): error ${d.code}: ${d.message}`;
  });
}

/** Exited with errors (TypeScript 5 says 2, TypeScript 7 says 1), exactly the expected ones, nothing else. */
export function passed(run: CompileRun, expected: readonly ExpectedError[]): boolean {
  const errors = describedErrors(run, expected).sort();
  const wanted = expected.map(describeExpected).sort();
  return (
    (run.result.code === 1 || run.result.code === 2) &&
    run.result.stderr === '' &&
    errors.length === wanted.length &&
    errors.every((error, index) => error === wanted[index])
  );
}

/** A small table: one row per compiler, one column per resolution or mixed release, with the time taken. */
export function resultsTable(runs: readonly CompileRun[], verdict: (run: CompileRun) => boolean): string {
  const columns = [...new Set(runs.map((run) => run.column))];
  const rows = COMPILERS.map((compiler) => [
    compiler.name,
    ...columns.map((column) => {
      const run = runs.find((r) => r.compiler === compiler && r.column === column);
      if (run === undefined) return '-';
      return `${verdict(run) ? 'pass' : 'FAIL'} ${(run.milliseconds / 1000).toFixed(1)} s`;
    }),
  ]);
  const table = [['', ...columns], ...rows];
  const widths = table[0]!.map((_, index) => Math.max(...table.map((row) => row[index]!.length)));
  return table.map((row) => row.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')).join('\n');
}
