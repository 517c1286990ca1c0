'use strict';
/**
 * A private workspace for one benchmark run, in the system's temp folder: a snapshot of dist/ (so a
 * rebuild during the run cannot change or remove what is measured), the package.json beside it, and a
 * link to the project's node_modules so the snapshot and the generated Jest suites resolve the same SDK.
 * bench/run.js also generates the project modules and the Jest suites in it.
 */
const { cpSync, mkdtempSync, rmSync, symlinkSync } = require('node:fs');
const os = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
// BENCH_BUILD=<checkout> measures that checkout's built dist/ (say a `git worktree` of a commit) instead of
// this one's, while the bench scripts and node_modules stay this checkout's.
const BUILD_ROOT = process.env.BENCH_BUILD ? resolve(process.env.BENCH_BUILD) : ROOT;

function createWorkspace() {
  const dir = mkdtempSync(join(os.tmpdir(), 'ts-tripwire-bench-'));
  cpSync(join(BUILD_ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    dist: join(dir, 'dist'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

module.exports = { BUILD_ROOT, createWorkspace };
