/**
 * Stryker copies the project into .stryker-tmp/sandbox-* without any node_modules folder, then links the
 * root's back. Tests that load the sdk-3.600 workspace's install by path (a second SDK copy beside the
 * root's) need that one linked too.
 */
const { existsSync, realpathSync, symlinkSync } = require('node:fs');
const { dirname, join } = require('node:path');

const NESTED = join('tests', 'compat', 'sdk-3.600', 'node_modules');

/** The project the installed packages belong to: where the node_modules that Node would find lives. */
function installedProjectDir(fromDir) {
  for (let dir = fromDir; dir !== dirname(dir); dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    if (existsSync(modules)) return dirname(realpathSync(modules));
  }
  return undefined;
}

function linkNestedInstalls(sandboxDir) {
  const projectDir = installedProjectDir(sandboxDir);
  if (projectDir === undefined || projectDir === sandboxDir) return;
  const source = join(projectDir, NESTED);
  const target = join(sandboxDir, NESTED);
  if (existsSync(source) && existsSync(dirname(target)) && !existsSync(target)) {
    symlinkSync(source, target, 'dir');
  }
}

module.exports = { linkNestedInstalls };
