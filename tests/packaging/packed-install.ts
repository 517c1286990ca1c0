import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { offlineEnvironment } from '../support/offline-environment';

export const REPO_ROOT = resolve(__dirname, '../..');
const FIXTURES = join(REPO_ROOT, 'tests/fixtures/packaging');
/** Each child (npm, node, Vitest, Jest) gets this long. */
export const CHILD_TIMEOUT_MS = 60_000;

/**
 * Packages the consumers need that the tarball does not bring: ts-tripwire has no runtime dependencies and
 * its peers are the user's. Linked from the repository's node_modules, so nothing is downloaded.
 */
const LINKED_PACKAGES = ['@aws-sdk', '@smithy', 'vitest', 'jest'];

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** What `npm pack --json` says about the tarball it wrote. */
export interface PackReport {
  readonly filename: string;
  readonly files: ReadonlyArray<{ readonly path: string }>;
}

/** The packed package, installed into a temporary folder outside the repository. */
export interface PackedInstall {
  readonly root: string;
  readonly consumer: string;
  readonly pack: PackReport;
  /** Runs a command (a script of the consumer folder, Vitest or Jest) with plain Node, in the consumer folder. */
  node(args: readonly string[], cwd?: string): Promise<ChildResult>;
  remove(): void;
}

/**
 * `npm pack`s the repository as it is built, installs the tarball with `npm install --no-save` into a fresh
 * temporary folder (offline: peers are not installed, they are linked from the repository), and copies the
 * consumer fixtures next to it.
 */
export async function packAndInstall(): Promise<PackedInstall> {
  expectFreshBuild();
  const root = mkdtempSync(join(tmpdir(), 'tripwire-packaging-'));
  try {
    const packed = await run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', root],
      REPO_ROOT,
    );
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const [pack] = JSON.parse(packed.stdout) as PackReport[];
    if (pack === undefined) throw new Error(`npm pack reported nothing:\n${packed.stdout}`);

    const consumer = join(root, 'consumer');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
    const installed = await run(
      'npm',
      [
        'install',
        '--no-save',
        '--offline',
        '--legacy-peer-deps',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--prefix',
        consumer,
        join(root, pack.filename),
      ],
      consumer,
    );
    if (installed.code !== 0) throw new Error(`npm install of the tarball failed:\n${installed.stderr}`);
    for (const name of LINKED_PACKAGES) {
      symlinkSync(join(REPO_ROOT, 'node_modules', name), join(consumer, 'node_modules', name), 'junction');
    }
    cpSync(FIXTURES, consumer, { recursive: true });

    return {
      root,
      consumer,
      pack,
      node: (args, cwd = consumer) => run(process.execPath, args, cwd),
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The tarball is made from dist/: refuse to test a build older than its sources. Each source has its own
 * declaration file there; its JavaScript is in the one bundle, dist/core.js (scripts/build.js).
 */
function expectFreshBuild(): void {
  const bundle = join(REPO_ROOT, 'dist/core.js');
  const bundleTime = existsSync(bundle) ? statSync(bundle).mtimeMs : Number.NEGATIVE_INFINITY;
  const stale: string[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const source = join(directory, entry.name);
      if (entry.isDirectory()) {
        visit(source);
        continue;
      }
      // Declaration files and anything that is not TypeScript have no output of their own.
      if (!/\.[cm]?ts$/.test(source) || /\.d\.[cm]?ts$/.test(source)) continue;
      const declaration = join(REPO_ROOT, 'dist', relative(join(REPO_ROOT, 'src'), source)).replace(
        /\.([cm]?)ts$/,
        '.d.$1ts',
      );
      const sourceTime = statSync(source).mtimeMs;
      if (!existsSync(declaration) || statSync(declaration).mtimeMs < sourceTime || bundleTime < sourceTime) {
        stale.push(relative(REPO_ROOT, source));
      }
    }
  };
  visit(join(REPO_ROOT, 'src'));
  if (stale.length > 0) {
    throw new Error(
      `dist/ is missing or older than ${stale.join(', ')}: run \`npm run build\` first (\`npm test\` does).`,
    );
  }
}

function run(command: string, args: readonly string[], cwd: string): Promise<ChildResult> {
  // The child npm must not inherit the outer `npm test`'s lifecycle settings (npm_config_*, npm_lifecycle_*).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return new Promise((resolveRun) => {
    execFile(
      command,
      [...args],
      {
        cwd,
        env: { ...inherited, ...offlineEnvironment(), FORCE_COLOR: '0', NO_COLOR: '1', CI: 'true' },
        timeout: CHILD_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      },
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
