import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { offlineEnvironment } from '../support/offline-environment';
import {
  CHILD_TIMEOUT_MS,
  type FixtureRun,
  REPO_ROOT,
  runFixtureChild,
} from '../support/runner-setup-contract';

export const FIXTURE_ROOT = join(REPO_ROOT, 'tests/fixtures/node-test-setup');

/** Plain JavaScript, run by Node alone: ES modules and CommonJS. */
export const JAVASCRIPT_FOLDERS = ['with-setup', 'node-test-only'] as const;
/** TypeScript, run through tsx (Node 20 cannot strip types). */
export const TYPESCRIPT_FOLDERS = ['typescript'] as const;
/** TypeScript through tsx, without ts-tripwire's setup. */
export const WITHOUT_SETUP_FOLDERS = ['without-setup'] as const;

const REPORTER = join(REPO_ROOT, 'tests/support/node-test-json-reporter.mjs');
const SETUP = ['--import', 'ts-tripwire/node-test'];
const TSX = ['--import', 'tsx'];
// The repository's tsconfig maps `ts-tripwire` to src/: the fixtures' own maps nothing.
const TSX_ENV = { TSX_TSCONFIG_PATH: join(FIXTURE_ROOT, 'tsconfig.json') };
const ENABLE_KV_PLUGIN = pathToFileURL(join(FIXTURE_ROOT, 'support/enable-kv-plugin.ts')).href;

/** The file of a fixture named without its extension (`with-setup/correct-test` is a `.test.mjs`). */
export function fixtureFile(fixture: string): string {
  const [folder, name] = fixture.split('/') as [string, string];
  const file = readdirSync(join(FIXTURE_ROOT, folder)).find((candidate) =>
    candidate.startsWith(`${name}.test.`),
  );
  if (file === undefined) throw new Error(`tests/fixtures/node-test-setup has no fixture ${fixture}.test.*`);
  return `${folder}/${file}`;
}

function testFilesIn(folders: readonly string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(FIXTURE_ROOT, folder))
      .filter((file) => /\.test\.[cm]?[jt]s$/.test(file))
      .map((file) => join(FIXTURE_ROOT, folder, file)),
  );
}

/**
 * `node --test` as users run it, over the files given: ts-tripwire is the built package, which the fixtures
 * and `--import ts-tripwire/node-test` find by the package's own name (its "exports"), so dist/ must be built.
 * `before` are Node's options before `--test`, `after` those after it.
 */
function nodeTestArgs(before: readonly string[], after: readonly string[], files: readonly string[]) {
  return (outputFile: string): string[] => [
    ...before,
    '--test',
    ...after,
    `--test-reporter=${REPORTER}`,
    `--test-reporter-destination=${outputFile}`,
    ...files,
  ];
}

/**
 * Runs node:test three times, in child processes: the JavaScript fixtures with Node alone; the TypeScript
 * ones through tsx, with a plugin enabled in each test by a second `--import`; and TypeScript without the
 * setup. One result for all.
 */
export async function runFixtureNodeTest(): Promise<FixtureRun> {
  const javascript = await runFixtureChild({
    runner: 'node:test',
    fixtureRoot: FIXTURE_ROOT,
    // Two files at a time, each in its own process: one file's settings never reach another's.
    args: nodeTestArgs([], [...SETUP, '--test-concurrency=2'], testFilesIn(JAVASCRIPT_FOLDERS)),
  });
  const typescript = await runFixtureChild({
    runner: 'node:test',
    fixtureRoot: FIXTURE_ROOT,
    args: nodeTestArgs(TSX, [...SETUP, '--import', ENABLE_KV_PLUGIN], testFilesIn(TYPESCRIPT_FOLDERS)),
    env: () => TSX_ENV,
  });
  const withoutSetup = await runFixtureChild({
    runner: 'node:test',
    fixtureRoot: FIXTURE_ROOT,
    args: nodeTestArgs(TSX, [], testFilesIn(WITHOUT_SETUP_FOLDERS)),
    env: () => TSX_ENV,
  });
  return javascript.withFilesOf(typescript).withFilesOf(withoutSetup);
}

export interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs Node with these arguments in the repository, offline, as the fixtures run. */
export function runNode(args: readonly string[], env: Record<string, string> = {}): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      args,
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...offlineEnvironment(), ...env, FORCE_COLOR: '0' },
        timeout: CHILD_TIMEOUT_MS,
      },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** tests/fixtures/node-test-setup/scripts/check-report.mts, the plain script of docs/recipes/using.md. */
export const USING_SCRIPT = join(FIXTURE_ROOT, 'scripts/check-report.mts');

/** The script through tsx, whose esbuild lowers `using` for Node 20. */
export function runUsingScriptWithTsx(): Promise<ScriptRun> {
  return runNode(['--import', 'tsx', USING_SCRIPT], {
    TSX_TSCONFIG_PATH: join(FIXTURE_ROOT, 'tsconfig.json'),
  });
}

/**
 * The script compiled by TypeScript as a project targeting ES2022 would (`using` lowered to helpers), then
 * run by Node as an ES module from the repository, where `ts-tripwire` is the built package.
 */
export function runUsingScriptCompiled(): Promise<ScriptRun & { readonly javascript: string }> {
  const { outputText } = ts.transpileModule(readFileSync(USING_SCRIPT, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return runNode(['--input-type=module', '--eval', outputText]).then((run) => ({
    ...run,
    javascript: outputText,
  }));
}
