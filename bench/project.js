'use strict';
/**
 * A generated stand-in for a real project's own code, so that measurements see a large module graph
 * (real projects load thousands of modules; require.cache grows with them). 60 packages of 50 small
 * CommonJS files each (3,000 files): 49 modules, each requiring up to two earlier modules of its package
 * and a core module, and an index.js that requires all 49. Written into the benchmark's workspace.
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const PACKAGES = 60;
const MODULES_PER_PACKAGE = 49; // + index.js = 50 files per package
const CORE_MODULES = ['node:path', 'node:util', 'node:events', 'node:url'];

const packageName = (p) => `pkg-${String(p).padStart(2, '0')}`;
const moduleName = (m) => `part-${String(m).padStart(2, '0')}`;

/** One module: a class, a function and a constant, like a small service or helper file. */
function moduleSource(p, m) {
  const imports = [`const core = require('${CORE_MODULES[(p + m) % CORE_MODULES.length]}');`];
  if (m > 0) imports.push(`const previous = require('./${moduleName(m - 1)}');`);
  if (m > 5) imports.push(`const earlier = require('./${moduleName(m - 5)}');`);
  return `'use strict';
${imports.join('\n')}

const NAME = '${packageName(p)}/${moduleName(m)}';
const LIMITS = Object.freeze({ retries: ${m % 5}, timeoutMs: ${1000 + m * 10}, label: NAME });

class ${moduleName(m).replace('-', '')}Service {
  constructor(options = {}) {
    this.options = { ...LIMITS, ...options };
    this.seen = new Map();
  }

  handle(key, value) {
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    return { key, value, count, name: NAME, core: typeof core };
  }
}

function describe${m}(input) {
  if (input === undefined || input === null) return NAME;
  return \`\${NAME}: \${JSON.stringify(input).slice(0, 40)}\`;
}

module.exports = { NAME, LIMITS, Service: ${moduleName(m).replace('-', '')}Service, describe: describe${m} };
`;
}

function indexSource() {
  const parts = Array.from({ length: MODULES_PER_PACKAGE }, (_, m) => `  require('./${moduleName(m)}'),`);
  return `'use strict';\nmodule.exports = [\n${parts.join('\n')}\n];\n`;
}

/** Writes the packages under `dir` and returns their index paths and the number of files. */
function generateProject(dir) {
  const indexes = [];
  for (let p = 0; p < PACKAGES; p++) {
    const packageDir = join(dir, packageName(p));
    mkdirSync(packageDir, { recursive: true });
    for (let m = 0; m < MODULES_PER_PACKAGE; m++)
      writeFileSync(join(packageDir, `${moduleName(m)}.js`), moduleSource(p, m));
    writeFileSync(join(packageDir, 'index.js'), indexSource());
    indexes.push(join(packageDir, 'index.js'));
  }
  return {
    dir,
    indexes,
    files: PACKAGES * (MODULES_PER_PACKAGE + 1),
    filesPerPackage: MODULES_PER_PACKAGE + 1,
  };
}

/** The index paths of a project written by generateProject, without writing anything. */
function projectIndexes(dir) {
  return Array.from({ length: PACKAGES }, (_, p) => join(dir, packageName(p), 'index.js'));
}

module.exports = { generateProject, projectIndexes, MODULES_PER_PACKAGE, PACKAGES };
