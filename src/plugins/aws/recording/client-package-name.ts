import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientPackage } from '../sdk/client-packages';

/** An installed package as an import names it, with the version recorded against. */
export interface PackageName {
  readonly name: string;
  readonly version: string;
  readonly exports: Readonly<Record<string, unknown>>;
}

const byEntry = new Map<string, PackageName | null>();

/** The package that exports a client's class (`@aws-sdk/client-s3` 3.1169.0), if it is loaded. */
export function packageOf(serviceKey: string, clientClass: unknown): PackageName | undefined {
  const found = clientPackage(serviceKey, clientClass);
  if (found === undefined) return undefined;
  let known = byEntry.get(found.file);
  if (known === undefined) {
    known = readPackage(found.file, found.exports) ?? null;
    byEntry.set(found.file, known);
  }
  return known ?? undefined;
}

/** `<root>/dist-cjs/index.js` → `<root>/package.json`'s name and version. */
function readPackage(entry: string, exports: Record<string, unknown>): PackageName | undefined {
  const root = entry.replace(/[\\/]dist-cjs[\\/]index\.js$/, '');
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    if (typeof manifest.name !== 'string') return undefined;
    return { name: manifest.name, version: String(manifest.version ?? 'unknown'), exports };
  } catch {
    return undefined;
  }
}
