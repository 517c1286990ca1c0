/**
 * The package as users get it: `npm pack` of the built repository, installed with npm into a temporary
 * folder outside it, then used from an ES module, a CommonJS module, a Vitest run with
 * `setupFiles: ['ts-tripwire/vitest']`, a Jest run with `setupFilesAfterEnv: ['ts-tripwire/jest']` and a
 * node:test run with `node --test --import ts-tripwire/node-test`.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  CHILD_TIMEOUT_MS,
  type ChildResult,
  type PackedInstall,
  packAndInstall,
  REPO_ROOT,
} from './packed-install';

interface ConsumerReport {
  readonly body: string;
  readonly unmockedIsExportedClass: boolean;
  readonly outsideTestIsExportedClass: boolean;
  readonly resolved: Record<'.' | './jest' | './vitest', string>;
}

interface EsmReport extends ConsumerReport {
  readonly sameObjectAsRequire: boolean;
  readonly namedExports: readonly string[];
}

interface CjsReport extends ConsumerReport {
  readonly exports: readonly string[];
}

/** The part of a runner's JSON report (Jest's format; Vitest writes the same) these tests read. */
interface RunnerReport {
  readonly testResults: ReadonlyArray<{
    readonly assertionResults: ReadonlyArray<{
      readonly title: string;
      readonly status: string;
      readonly failureMessages: readonly string[] | null;
    }>;
  }>;
}

interface PackageJson {
  readonly exports: Record<string, string | Record<string, string>>;
}

let installed: PackedInstall;
let esmRun: ChildResult;
let cjsRun: ChildResult;
let vitestRun: ChildResult;
let jestRun: ChildResult;
let nodeTestRun: ChildResult;

/** The node:test user's files (tests/fixtures/node-test-setup/packaged), copied into the consumer folder. */
const NODE_TEST_FILES = join(REPO_ROOT, 'tests/fixtures/node-test-setup/packaged');
/** Writes node:test's results in Jest's JSON format, as runnerReport reads them. */
const NODE_TEST_REPORTER = join(REPO_ROOT, 'tests/support/node-test-json-reporter.mjs');

beforeAll(async () => {
  installed = await packAndInstall();
  const modules = join(installed.consumer, 'node_modules');
  cpSync(NODE_TEST_FILES, join(installed.consumer, 'node-test'), { recursive: true });
  [esmRun, cjsRun, vitestRun, jestRun, nodeTestRun] = await Promise.all([
    installed.node(['consumer.mjs']),
    installed.node(['consumer.cjs']),
    installed.node(
      [join(modules, 'vitest/vitest.mjs'), 'run', '--reporter=json', '--outputFile=report.json'],
      join(installed.consumer, 'vitest'),
    ),
    installed.node(
      [
        join(modules, 'jest/bin/jest.js'),
        '--ci',
        '--no-watchman',
        `--cacheDirectory=${join(installed.root, 'jest-cache')}`,
        '--json',
        '--outputFile=report.json',
      ],
      join(installed.consumer, 'jest'),
    ),
    installed.node(
      [
        '--test',
        '--import',
        'ts-tripwire/node-test',
        `--test-reporter=${NODE_TEST_REPORTER}`,
        '--test-reporter-destination=report.json',
        'tripwire.test.mjs',
        'one-runtime.test.mjs',
      ],
      join(installed.consumer, 'node-test'),
    ),
  ]);
}, 4 * CHILD_TIMEOUT_MS);

afterAll(() => {
  installed?.remove();
});

const installedPackage = () => join(installed.consumer, 'node_modules/ts-tripwire');
const packedPaths = () => installed.pack.files.map((file) => file.path).sort();

function consumerReport<T>(result: ChildResult): T {
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as T;
}

function runnerReport(
  folder: 'vitest' | 'jest' | 'node-test',
  result: ChildResult,
): Map<string, readonly string[]> {
  let report: RunnerReport;
  try {
    report = JSON.parse(
      readFileSync(join(installed.consumer, folder, 'report.json'), 'utf8'),
    ) as RunnerReport;
  } catch (error) {
    throw new Error(
      `The ${folder} run wrote no report (${String(error)}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return new Map(
    report.testResults
      .flatMap((suite) => suite.assertionResults)
      .map((outcome) => [
        outcome.title,
        outcome.status === 'passed' ? [] : [outcome.status, ...(outcome.failureMessages ?? [])],
      ]),
  );
}

/** Where `ts-tripwire/<entry>` must resolve in the installed copy: dist/, never the repository. */
function expectResolvedInInstall(resolved: ConsumerReport['resolved'], asUrl: boolean): void {
  const expected = { '.': 'dist/index.js', './jest': 'dist/jest.js', './vitest': 'dist/vitest.mjs' };
  for (const [entry, file] of Object.entries(expected)) {
    const path = join(installedPackage(), file);
    expect([entry, resolved[entry as keyof typeof expected]]).toEqual([
      entry,
      asUrl ? pathToFileURL(path).href : path,
    ]);
  }
}

describe('the tarball', () => {
  test('holds only dist, README.md, LICENSE, the Markdown under docs/ and package.json', () => {
    const unexpected = packedPaths().filter(
      (path) =>
        !/^dist\/.+\.(?:js|mjs|d\.ts|d\.mts)$/.test(path) &&
        !/^docs\/.+\.md$/.test(path) &&
        !['README.md', 'LICENSE', 'package.json'].includes(path),
    );

    expect(unexpected).toEqual([]);
    expect(packedPaths()).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
  });

  test('holds every Markdown document README.md links to under docs/', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    // Markdown only: the TypeDoc API reference (docs/api/) is generated on demand and not in the repository.
    const linkedDocs = [...readme.matchAll(/\]\((docs\/[^)#\s]+\.md)[)#]/g)].map((match) => match[1]!);

    expect(linkedDocs.length).toBeGreaterThan(0);
    expect(packedPaths()).toEqual(expect.arrayContaining(linkedDocs));
  });

  test('has no source maps, and no built file points to one', () => {
    const withMapComment = packedPaths()
      .filter((path) => /\.(?:js|mjs|ts|mts)$/.test(path))
      .filter((path) => readFileSync(join(installedPackage(), path), 'utf8').includes('sourceMappingURL'));

    expect(packedPaths().filter((path) => path.endsWith('.map'))).toEqual([]);
    expect(withMapComment).toEqual([]);
  });

  test('holds every file that package.json "exports" names, types included', () => {
    const { exports } = JSON.parse(
      readFileSync(join(installedPackage(), 'package.json'), 'utf8'),
    ) as PackageJson;
    const targets = Object.values(exports)
      .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
      .map((target) => target.replace(/^\.\//, ''));

    expect(Object.keys(exports).sort()).toEqual([
      '.',
      './jest',
      './node-test',
      './package.json',
      './plugin',
      './vitest',
    ]);
    expect(targets).toEqual(
      expect.arrayContaining([
        'dist/index.d.ts',
        'dist/jest.d.ts',
        'dist/node-test.d.ts',
        'dist/vitest.d.mts',
      ]),
    );
    expect(packedPaths()).toEqual(expect.arrayContaining(targets));
  });
});

describe('the JavaScript of the tarball', () => {
  /** The file each package.json "exports" entry point names (`default`), without the leading `./`. */
  const entryFiles = (): string[] => {
    const { exports } = JSON.parse(
      readFileSync(join(installedPackage(), 'package.json'), 'utf8'),
    ) as PackageJson;
    return Object.values(exports)
      .map((target) => (typeof target === 'string' ? target : target.default))
      .filter((target): target is string => target !== undefined && /\.m?js$/.test(target))
      .map((target) => target.replace(/^\.\//, ''));
  };
  const shipped = (path: string) => readFileSync(join(installedPackage(), path), 'utf8');
  /** The relative modules a built file loads (`require('./x')` or `import ... from './x'`). */
  const relativeImports = (path: string) =>
    [...shipped(path).matchAll(/(?:require\(|from\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]);
  /** The source files a built file holds: esbuild heads each one's code with a comment naming it. */
  const sourcesIn = (path: string) =>
    [...shipped(path).matchAll(/^\/\/ (src\/\S+\.m?ts)$/gm)].map((match) => match[1]);

  test('is one bundle, dist/core.js, and a thin file for each entry point', () => {
    const javascript = packedPaths().filter((path) => /\.m?js$/.test(path));

    expect(entryFiles().sort()).toEqual([
      'dist/index.js',
      'dist/jest.js',
      'dist/node-test.js',
      'dist/plugin.js',
      'dist/vitest.mjs',
    ]);
    expect(javascript).toEqual(['dist/core.js', ...entryFiles()].sort());
    expect(sourcesIn('dist/core.js')).toEqual(
      expect.arrayContaining(['src/util/call-site.ts', 'src/plugins/aws/aws-plugin.ts', 'src/current.ts']),
    );
    expect(relativeImports('dist/core.js')).toEqual([]);
  });

  test('holds in each entry point only its own source, taking the rest from ./core.js: one shared runtime', () => {
    for (const entry of entryFiles()) {
      const ownSource = entry.replace(/^dist\/(.+)\.(m?)js$/, 'src/$1.$2ts');

      expect([entry, sourcesIn(entry)]).toEqual([entry, [ownSource]]);
      expect([entry, [...new Set(relativeImports(entry))]]).toEqual([entry, ['./core.js']]);
    }
  });
});

describe('an ES module consumer (import)', () => {
  test('mocks, runs and asserts a real @aws-sdk/client-s3 call', () => {
    const report = consumerReport<EsmReport>(esmRun);

    expect(report.body).toBe('from the ESM consumer');
    expect(report.unmockedIsExportedClass).toBe(true);
    expect(report.outsideTestIsExportedClass).toBe(true);
  });

  test('gets every export by name, and the same objects as require() (one copy of the runtime state)', () => {
    const report = consumerReport<EsmReport>(esmRun);
    const cjsExports = consumerReport<CjsReport>(cjsRun).exports;

    expect(report.namedExports).toEqual(
      expect.arrayContaining(cjsExports.filter((name) => name !== '__esModule')),
    );
    expect(report.namedExports).toEqual(expect.arrayContaining(['StrictVerifier', 'tripwire', 'ANY']));
    expect(report.sameObjectAsRequire).toBe(true);
  });

  test('resolves each entry point to the installed dist/', () => {
    expectResolvedInInstall(consumerReport<EsmReport>(esmRun).resolved, true);
  });
});

describe('a CommonJS consumer (require)', () => {
  test('mocks, runs and asserts a real @aws-sdk/client-s3 call', () => {
    const report = consumerReport<CjsReport>(cjsRun);

    expect(report.body).toBe('from the CommonJS consumer');
    expect(report.unmockedIsExportedClass).toBe(true);
    expect(report.outsideTestIsExportedClass).toBe(true);
    expect(report.exports).toEqual(expect.arrayContaining(['StrictVerifier', 'tripwire', 'ANY']));
  });

  test('resolves each entry point to the installed dist/', () => {
    expectResolvedInInstall(consumerReport<CjsReport>(cjsRun).resolved, false);
  });
});

describe.each([
  ['vitest', "setupFiles: ['ts-tripwire/vitest']", () => vitestRun],
  ['jest', "setupFilesAfterEnv: ['ts-tripwire/jest']", () => jestRun],
  ['node-test', '--import ts-tripwire/node-test', () => nodeTestRun],
] as const)('a %s run with %s', (folder, _setup, result) => {
  test('passes a test that mocks, runs and asserts', () => {
    expect(runnerReport(folder, result()).get('mocks, runs and asserts')).toEqual([]);
  });

  test('fails a test that forgets its assertion, with the assertion to paste', () => {
    const [status, message] = runnerReport(folder, result()).get('forgets to assert the call') ?? [];

    expect(status).toBe('failed');
    expect(message).toMatch(/^UnassertedInteractionsError: /);
    expect(message).toContain(
      "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });",
    );
  });

  test("shares one runtime with the test's import: its verifier, and the classes of what it throws", () => {
    expect(
      runnerReport(folder, result()).get("throws, from the setup's verifier, the classes the test imports"),
    ).toEqual([]);
  });

  test('reports where in the test file an unused mock was registered', () => {
    const file = `one-runtime.test.${folder === 'jest' ? 'js' : 'mjs'}`;
    const source =
      folder === 'node-test' ? NODE_TEST_FILES : join(REPO_ROOT, 'tests/fixtures/packaging', folder);
    const lines = readFileSync(join(source, file), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes("mockCall('s3', 'PutObject'"));
    const column = lines[line]!.indexOf('mockCall') + 1;
    const [status, message] =
      runnerReport(folder, result()).get('reports where an unused mock was registered') ?? [];

    expect(status).toBe('failed');
    expect(message).toContain(`s3.PutObject, registered at ${file}:${line + 1}:${column}`);
  });

  test('fails a test that calls the SDK outside tripwire.run, with GuardedCallError', () => {
    const [status, message] = runnerReport(folder, result()).get('calls the SDK outside the sandbox') ?? [];

    expect(status).toBe('failed');
    expect(message).toMatch(/^GuardedCallError: AWS call outside the sandbox: s3\.GetObject/);
  });
});
