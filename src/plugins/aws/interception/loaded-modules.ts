type LoadedModule = [path: string, exports: Record<string, unknown>];

interface Scan {
  /** How many modules were loaded when the scan ran. */
  readonly loaded: number;
  readonly matches: readonly LoadedModule[];
}

const scans = new Map<RegExp, Scan>();

/**
 * The loaded modules whose path matches, without reading the exports of any other module. Under plain Node
 * this reads Node's `require.cache`; under Jest, Jest's view of the test file's own module registry, so the
 * same code finds the SDK copies a test file uses in both.
 *
 * A project loads thousands of modules, and every sandbox asks: the answer is kept while the number of
 * loaded modules is the same and every module found is still the loaded one.
 */
export function loadedModulesMatching(pattern: RegExp): readonly LoadedModule[] {
  const cache = require.cache;
  const paths = Object.keys(cache);
  const previous = scans.get(pattern);
  if (
    previous !== undefined &&
    previous.loaded === paths.length &&
    previous.matches.every(([path, exports]) => cache[path]?.exports === exports)
  ) {
    return previous.matches;
  }
  const matches: LoadedModule[] = [];
  for (const path of paths) {
    if (!pattern.test(path)) continue;
    const exports = cache[path]?.exports as unknown;
    if (exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
      matches.push([path, exports as Record<string, unknown>]);
    }
  }
  scans.set(pattern, { loaded: paths.length, matches });
  return matches;
}
