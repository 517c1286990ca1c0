/**
 * The type-check matrix: the declarations of the packed package, installed as a consumer installs them,
 * compiled for a consumer by TypeScript 5.0, 5.9 and 7 (the native compiler) under moduleResolution node16,
 * nodenext and bundler, with `types: []` (TypeScript 7's default), `strict` and `skipLibCheck: false`; then
 * again with a client package from one SDK release and `@aws-sdk/types` / `@smithy/types` from another.
 * Every run must fail with exactly the errors wrong-members.mts marks, so a run where the typed forms went
 * `any`, or a file stopped resolving, fails the matrix instead of passing it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  COMPILERS,
  type CompileJob,
  type CompileRun,
  describedErrors,
  describeExpected,
  expectedErrors,
  filesFor,
  leftOutFor,
  passed,
  resultsTable,
  runAll,
} from './compiler-runs';
import { CHILD_TIMEOUT_MS, type PackedInstall, packAndInstall, REPO_ROOT } from './packed-install';
import {
  CONSUMER_FILES,
  exportedEntries,
  layOutTypeConsumers,
  linkedVersion,
  MIXED_FILES,
  MIXED_RELEASES,
  RESOLUTIONS,
} from './type-consumers';

const WRONG_MEMBERS = join(REPO_ROOT, 'tests/types/consumers/wrong-members.mts');
const EXPECTED = expectedErrors(WRONG_MEMBERS, 'wrong-members.mts');

let installed: PackedInstall;
let runs: CompileRun[];

beforeAll(async () => {
  installed = await packAndInstall();
  const consumers = layOutTypeConsumers(installed);
  const jobs: CompileJob[] = COMPILERS.flatMap((compiler) => [
    ...RESOLUTIONS.map((resolution) => ({
      compiler,
      column: resolution,
      folder: consumers.root,
      resolution,
      files: filesFor(compiler, resolution, CONSUMER_FILES),
    })),
    ...MIXED_RELEASES.map((mixed) => ({
      compiler,
      column: mixed.label,
      folder: join(installed.consumer, mixed.folder),
      resolution: 'nodenext' as const,
      files: MIXED_FILES,
    })),
  ]);
  const started = performance.now();
  runs = await runAll(jobs);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const leftOut = COMPILERS.flatMap((compiler) =>
    leftOutFor(compiler, CONSUMER_FILES).map((file) => `Not compiled by ${compiler.name}: ${file}`),
  );
  console.log(
    [
      `Type-check matrix (${runs.length} compiler runs, two at a time, ${seconds} s):`,
      resultsTable(runs, (run) => passed(run, EXPECTED)),
      ...leftOut,
    ].join('\n'),
  );
}, 12 * CHILD_TIMEOUT_MS);

afterAll(() => {
  installed?.remove();
});

function runOf(compilerName: string, column: string): CompileRun {
  const run = runs.find((r) => r.compiler.name === compilerName && r.column === column);
  if (run === undefined) throw new Error(`No run for ${compilerName}, ${column}`);
  return run;
}

/** Exactly the marked errors, from a compiler that ran to the end and exited with errors. */
function expectOnlyTheMarkedErrors(run: CompileRun): void {
  expect({ errors: describedErrors(run, EXPECTED).sort(), stderr: run.result.stderr }).toEqual({
    errors: EXPECTED.map(describeExpected).sort(),
    stderr: '',
  });
  expect([1, 2]).toContain(run.result.code);
}

describe.each(COMPILERS.map((compiler) => compiler.name))('%s', (compilerName) => {
  test.each(RESOLUTIONS)(
    'moduleResolution %s: the public surface compiles and every wrong member is refused',
    (resolution) => {
      expectOnlyTheMarkedErrors(runOf(compilerName, resolution));
    },
  );

  test.each(MIXED_RELEASES.map((mixed) => mixed.label))(
    'mixed SDK releases (%s): the typed forms compile and still refuse wrong members',
    (column) => {
      expectOnlyTheMarkedErrors(runOf(compilerName, column));
    },
  );
});

describe('the matrix itself', () => {
  test('runs the compilers it names: 5.0.4, 5.9.3 and the native 7.0.2', () => {
    expect(COMPILERS.map((compiler) => compiler.version)).toEqual(['5.0.4', '5.9.3', '7.0.2']);
  });

  test('leaves out of TypeScript 5.0 only the files that need 5.2 or 5.4, and nothing out of the others', () => {
    expect(
      COMPILERS.map((compiler) => leftOutFor(compiler, CONSUMER_FILES).map((file) => file.split(' ')[0])),
    ).toEqual([['using-declaration.mts', 'jest-matchers.mts'], [], []]);
  });

  test('marks three wrong lines, each of which every run refuses', () => {
    expect(EXPECTED).toHaveLength(3);
  });

  test('imports every entry of package.json "exports", so a new entry is type-checked too', () => {
    const entries = exportedEntries(installed);
    expect(entries).toEqual(
      expect.arrayContaining([
        'ts-tripwire',
        'ts-tripwire/jest',
        'ts-tripwire/vitest',
        'ts-tripwire/node-test',
        'ts-tripwire/plugin',
      ]),
    );
  });

  test('mixes what it says: older clients with the latest types, and the other way round', () => {
    const versions = MIXED_RELEASES.map((mixed) =>
      ['@aws-sdk/client-s3', '@aws-sdk/types', '@smithy/types'].map((name) =>
        linkedVersion(installed, mixed.folder, name),
      ),
    );
    const latest = ['3.1169.0', '3.975.1', '4.20.0'];
    const older = ['3.600.0', '3.598.0', '3.7.2'];
    expect(versions).toEqual([
      [older[0], latest[1], latest[2]],
      [latest[0], older[1], older[2]],
    ]);
  });
});
