/**
 * Jest resolver for the compat projects: `@aws-sdk/*` and `@smithy/*` requests that would land in the root's
 * node_modules (the latest SDK line) resolve from a compat workspace instead, as if the tests lived in a
 * project that has only that line installed. Everything else keeps Node's own resolution, so the SDK's
 * requires inside the workspace find exactly the copies Node would (nested ones included), a fixture's own
 * node_modules keeps its own copies, and `require.resolve(name, { paths })` still honours its paths.
 *
 * A moduleNameMapper (`^@smithy/(.*)$` → workspace/@smithy/$1) would also catch the SDK's requests from inside
 * the workspace and flatten its nested copies (e.g. @aws-crypto/util's @smithy/util-utf8 2.x, util-stream's
 * @smithy/fetch-http-handler 4.x) onto the hoisted ones, and in Jest 30 it overrides `require.resolve`'s
 * `paths` too.
 *
 * Jest passes a resolver no project data, so each workspace has a one-line resolver.js that calls
 * `compatResolver(__dirname)`.
 */
const path = require('node:path');

const SDK_REQUEST = /^@(?:aws-sdk|smithy)\//;

function insideNodeModules(dir) {
  return dir.split(/[\\/]/).includes('node_modules');
}

/** A resolver that sends the latest line's SDK imports to `workspace` (a folder with a node_modules). */
function compatResolver(workspace) {
  return (request, options) => {
    if (!SDK_REQUEST.test(request) || insideNodeModules(options.basedir)) {
      return options.defaultResolver(request, options);
    }
    const rootModules = path.join(options.rootDir, 'node_modules') + path.sep;
    let normal;
    try {
      normal = options.defaultResolver(request, options);
    } catch {
      normal = undefined;
    }
    if (normal !== undefined && !normal.startsWith(rootModules)) return normal;
    return options.defaultResolver(request, { ...options, basedir: workspace });
  };
}

module.exports = { compatResolver };
