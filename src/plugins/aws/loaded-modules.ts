/**
 * The loaded modules whose path matches, without reading the exports of any other module. Under plain Node
 * this reads Node's `require.cache`; under Jest, Jest's view of the test file's own module registry, so the
 * same code finds the SDK copies a test file uses in both.
 */
export function loadedModulesMatching(pattern: RegExp): Array<[string, Record<string, unknown>]> {
  const cache = require.cache;
  const modules: Array<[string, Record<string, unknown>]> = [];
  for (const path of Object.keys(cache)) {
    if (!pattern.test(path)) continue;
    const exports = cache[path]?.exports as unknown;
    if (exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
      modules.push([path, exports as Record<string, unknown>]);
    }
  }
  return modules;
}
