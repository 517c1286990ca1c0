/**
 * The folders the type-check matrix compiles, laid out beside one packed install (packed-install.ts):
 * `types/` compiles against the install as it is (the latest SDK line), and `mixed-*` against a client
 * package from one SDK release with `@aws-sdk/types` and `@smithy/types` from another.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type PackedInstall, REPO_ROOT } from './packed-install';

const FIXTURES = join(REPO_ROOT, 'tests/types/consumers');
const LATEST = join(REPO_ROOT, 'node_modules');
const OLDER = join(REPO_ROOT, 'tests/compat/sdk-3.600/node_modules');

export type ModuleResolution = 'node16' | 'nodenext' | 'bundler';
export const RESOLUTIONS: readonly ModuleResolution[] = ['node16', 'nodenext', 'bundler'];

/** A fixture file, and the oldest TypeScript that can compile it (when that is later than 5.0). */
export interface ConsumerFile {
  readonly name: string;
  readonly since?: string;
  /** Why it needs that TypeScript. */
  readonly because?: string;
  /** Compiled under this resolution only: what it checks does not depend on resolution, and it is slow. */
  readonly onlyUnder?: ModuleResolution;
}

export const CONSUMER_FILES: readonly ConsumerFile[] = [
  { name: 'public-surface.mts' },
  { name: 'public-surface.cts' },
  { name: 'entries.mts' },
  { name: 'wrong-members.mts' },
  { name: 'using-declaration.mts', since: '5.2', because: '`using` declarations' },
  {
    name: 'jest-matchers.mts',
    since: '5.4',
    because: "Jest 30's own minimum (its declarations use lib esnext.disposable, unknown to 5.0)",
    // Checking Jest's declarations doubles a TypeScript 5 run.
    onlyUnder: 'node16',
  },
];

/** Files every mixed-release folder compiles: the typed forms, and the lines that must fail. */
export const MIXED_FILES = ['mixed-releases.mts', 'wrong-members.mts'];

/** One SDK release's client packages with the other release's `@aws-sdk/types` and `@smithy/types`. */
export interface MixedRelease {
  readonly folder: string;
  readonly label: string;
  readonly clientsFrom: string;
  readonly typesFrom: string;
}

export const MIXED_RELEASES: readonly MixedRelease[] = [
  {
    folder: 'mixed-older-clients',
    label: 'clients 3.600, types latest',
    clientsFrom: OLDER,
    typesFrom: LATEST,
  },
  {
    folder: 'mixed-latest-clients',
    label: 'clients latest, types 3.600',
    clientsFrom: LATEST,
    typesFrom: OLDER,
  },
];

/** Where the compilers run, and the `ts-tripwire` entries the consumer imports. */
export interface TypeConsumers {
  readonly root: string;
  readonly entries: readonly string[];
}

/** The packed package's `exports` keys, as `ts-tripwire/<entry>` specifiers (not `./package.json`). */
export function exportedEntries(install: PackedInstall): string[] {
  const manifest = JSON.parse(
    readFileSync(join(install.consumer, 'node_modules/ts-tripwire/package.json'), 'utf8'),
  ) as { exports: Record<string, unknown> };
  return Object.keys(manifest.exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? 'ts-tripwire' : `ts-tripwire/${key.slice(2)}`));
}

/** Copies the fixtures next to the install and links what they need besides the tarball. */
export function layOutTypeConsumers(install: PackedInstall): TypeConsumers {
  const modules = join(install.consumer, 'node_modules');
  // Node's types (which ts-tripwire's declarations reference) and @jest/globals (jest-matchers.mts).
  link(join(LATEST, '@types'), join(modules, '@types'));
  link(join(LATEST, '@jest'), join(modules, '@jest'));

  const root = join(install.consumer, 'types');
  cpSync(FIXTURES, root, { recursive: true });
  const entries = exportedEntries(install);
  writeFileSync(join(root, 'entries.mts'), entriesSource(entries));

  for (const mixed of MIXED_RELEASES) {
    const folder = join(install.consumer, mixed.folder);
    const mixedModules = join(folder, 'node_modules');
    // A copy, not a link: its `import '@aws-sdk/types'` must find this folder's, and links resolve to
    // where they point.
    cpSync(join(modules, 'ts-tripwire'), join(mixedModules, 'ts-tripwire'), { recursive: true });
    link(join(mixed.clientsFrom, '@aws-sdk/client-s3'), join(mixedModules, '@aws-sdk/client-s3'));
    for (const name of ['@aws-sdk/types', '@smithy/types']) {
      link(join(mixed.typesFrom, name), join(mixedModules, name));
    }
    link(join(LATEST, '@types'), join(mixedModules, '@types'));
    for (const name of MIXED_FILES) cpSync(join(FIXTURES, name), join(folder, name));
  }
  return { root, entries };
}

/** The version of the SDK package a mixed folder links, for the results. */
export function linkedVersion(install: PackedInstall, folder: string, name: string): string {
  const manifest = join(install.consumer, folder, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Every exported entry must resolve to declarations: `typeof import` fails to compile where one does not. */
function entriesSource(entries: readonly string[]): string {
  const lines = entries.map((entry, index) => `export type Entry${index} = typeof import('${entry}');`);
  return `// Written by tests/packaging/type-consumers.ts: one line per entry of package.json "exports".\n${lines.join('\n')}\n`;
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, 'junction');
}
