#!/usr/bin/env node
/**
 * Bundles the JavaScript of dist/ (`npm run build` runs it after `tsc -p tsconfig.build.json` has written the
 * declarations, one .d.ts per source file, as before):
 * - dist/core.js: the whole runtime in one CommonJS file. Jest loads a package's modules again for every
 *   test file, through its own module registry: one file loads in a third to a half of the time of the 50
 *   that tsc wrote (issue 10). Not in package.json "exports": internal.
 * - one thin file per entry point of package.json "exports" (`./dist/x.js` from `src/x.ts`, `./dist/x.mjs`
 *   from `src/x.mts`): the entry's own code, taking everything it imports from src/ out of ./core.js.
 *   Every entry thus shares one copy of the runtime, so the classes the Jest setup throws are those a test
 *   imports and the current verifier is one variable. A new entry point is one line in "exports".
 * Dependencies and peers (the AWS SDK, @jest/globals, vitest) and Node's modules stay imports.
 *
 * No source maps: the bundle is plain, unminified JavaScript with the original names and a comment heading
 * each source file, so every frame of a stack trace points at a line that exists in the install. With a
 * map, Jest (source-map-support) rewrites those frames to src/*.ts paths the package does not ship, and
 * src/verifier/call-site.ts then tells ts-tripwire's frames from the user's only because they land under
 * the package's src/. A map with its sources would also triple the size of the JavaScript shipped.
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const CORE = './core.js';
/** The name of core.js's generated source, which the bundle's comments show. */
const CORE_MODULE = 'ts-tripwire-core';

const shared = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // `new.target.name` names the error classes: no renaming when two modules use the same name.
  keepNames: true,
  charset: 'utf8',
  sourcemap: false,
  logLevel: 'warning',
};

/** The entry points of package.json "exports", each with its source file and its output format. */
function entryPoints() {
  const { exports } = require(path.join(ROOT, 'package.json'));
  return Object.values(exports)
    .map((target) => (typeof target === 'string' ? target : target.default))
    .filter((target) => /^\.\/dist\/[^/]+\.m?js$/.test(target))
    .map((target) => {
      const output = path.join(ROOT, target);
      const source = path.join(SRC, path.basename(target).replace(/\.(m?)js$/, '.$1ts'));
      return { source, output, format: target.endsWith('.mjs') ? 'esm' : 'cjs' };
    });
}

/**
 * Builds the entry alone: each import of a module of src/ becomes an import of ./core.js, whose path is
 * added to `used` (core.js re-exports every such module).
 */
async function buildEntry(entry, used) {
  const toCore = {
    name: 'src-from-core',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'resolving') return undefined;
        const { path: file, errors } = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'resolving',
        });
        if (errors.length > 0 || !file.startsWith(SRC + path.sep)) return undefined;
        used.add(file);
        return { path: CORE, external: true };
      });
    },
  };
  await esbuild.build({
    ...shared,
    entryPoints: [entry.source],
    outfile: entry.output,
    format: entry.format,
    plugins: [toCore],
  });
}

/** The source of core.js: every module an entry imports, re-exported. */
function coreSource(used) {
  const modules = [...used].sort().map((file) => `./${path.relative(ROOT, file).split(path.sep).join('/')}`);
  return modules.map((module) => `export * from ${JSON.stringify(module)};`).join('\n');
}

/** The names each module exports, from esbuild's metafile of an ES module build of each. */
async function exportsOfModules(modules) {
  const result = await esbuild.build({
    ...shared,
    entryPoints: modules,
    outdir: path.join(DIST, '.exports'),
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs)
    .filter((output) => output.entryPoint !== undefined)
    .map((output) => [output.entryPoint, output.exports]);
}

/**
 * `export *` silently drops a name that two modules export as different things: core.js would lack it,
 * and an entry would read `undefined`. Fails the build instead. The bundle's names are the list esbuild
 * writes at its end for Node's ES module loader: `0 && (module.exports = { a, b });`.
 */
function checkNothingDropped(moduleExports, bundleText) {
  const list = /^0 && \(module\.exports = \{([^}]*)\}\);$/m.exec(bundleText);
  const names = new Set((list?.[1] ?? '').split(',').map((name) => name.trim()));
  const dropped = moduleExports.flatMap(([module, exported]) =>
    exported.filter((name) => !names.has(name)).map((name) => `${name} (${module})`),
  );
  if (dropped.length > 0) {
    throw new Error(
      `core.js lost these exports, each exported by more than one module as different things: ${dropped.join(', ')}. Rename one of them.`,
    );
  }
}

function virtualModule(name, contents) {
  return {
    name: 'virtual-module',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace: 'virtual' }));
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
        contents,
        loader: 'ts',
        resolveDir: ROOT,
      }));
    },
  };
}

async function main() {
  const used = new Set();
  for (const entry of entryPoints()) await buildEntry(entry, used);
  const result = await esbuild.build({
    ...shared,
    entryPoints: [{ in: CORE_MODULE, out: 'core' }],
    outdir: DIST,
    format: 'cjs',
    write: false,
    plugins: [virtualModule(CORE_MODULE, coreSource(used))],
  });
  const [core] = result.outputFiles;
  checkNothingDropped(await exportsOfModules([...used]), core.text);
  fs.writeFileSync(core.path, core.contents);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
