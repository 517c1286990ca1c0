#!/usr/bin/env node
/**
 * Installs the SDK compatibility workspaces (`tests/compat/<line>/`, each with its own package.json and
 * committed package-lock.json) that the compat Jest projects run against. `npm test` runs it first
 * (`pretest`), so a fresh clone needs only `npm install && npm test`, and so does `.ci/run`.
 *
 * Quiet and fast when a workspace is already installed from its current package.json and lockfile (a stamp
 * in its node_modules records their hash); otherwise `npm ci --prefix <workspace>`, which installs exactly
 * what the lockfile pins and fails if it does not match the package.json.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const COMPAT = path.join(ROOT, 'tests', 'compat');
const STAMP = '.ts-tripwire-installed';

/** The workspace folders: every `tests/compat/*` with a package.json. */
function workspaces() {
  if (!fs.existsSync(COMPAT)) return [];
  return fs
    .readdirSync(COMPAT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(COMPAT, entry.name, 'package.json')))
    .map((entry) => path.join(COMPAT, entry.name));
}

function fingerprint(dir) {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(dir, file);
    hash.update(`${file}\0${fs.existsSync(full) ? fs.readFileSync(full) : ''}\0`);
  }
  return hash.digest('hex');
}

/** Installed from the current package.json and lockfile, with every dependency present. */
function isInstalled(dir) {
  const modules = path.join(dir, 'node_modules');
  let stamp;
  try {
    stamp = fs.readFileSync(path.join(modules, STAMP), 'utf8').trim();
  } catch {
    return false;
  }
  if (stamp !== fingerprint(dir)) return false;
  const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return Object.keys(dependencies).every((name) => fs.existsSync(path.join(modules, name, 'package.json')));
}

function relative(dir) {
  return path.relative(ROOT, dir).split(path.sep).join('/');
}

function npm(args) {
  // Under `npm test`, run the same npm that runs the script.
  const execPath = process.env.npm_execpath;
  if (execPath && /npm-cli\.js$/.test(execPath)) {
    return spawnSync(process.execPath, [execPath, ...args], { cwd: ROOT, encoding: 'utf8' });
  }
  return spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
}

/** Installs one workspace; returns an error message, or undefined on success. */
function install(dir) {
  const name = relative(dir);
  const lockfile = path.join(dir, 'package-lock.json');
  if (!fs.existsSync(lockfile)) {
    return `${name} has no package-lock.json: run \`npm install --prefix ${name}\` and commit the lockfile.`;
  }
  // A failed or partial install must not pass for a complete one next time.
  fs.rmSync(path.join(dir, 'node_modules', STAMP), { force: true });
  const started = Date.now();
  process.stdout.write(`Installing ${name} from its lockfile... `);
  const result = npm(['ci', '--prefix', dir, '--no-audit', '--no-fund']);
  if (result.status !== 0) {
    process.stdout.write('failed.\n');
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}\n`);
    return `npm ci --prefix ${name} failed (exit ${result.status}): if its package.json changed, run \`npm install --prefix ${name}\` and commit the lockfile.`;
  }
  fs.writeFileSync(path.join(dir, 'node_modules', STAMP), `${fingerprint(dir)}\n`);
  process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return undefined;
}

/** Installs every workspace that needs it; returns the error messages. */
function ensureInstalled() {
  const errors = [];
  for (const dir of workspaces()) {
    if (isInstalled(dir)) continue;
    const error = install(dir);
    if (error !== undefined) errors.push(error);
  }
  return errors;
}

module.exports = { workspaces, isInstalled, ensureInstalled };

if (require.main === module) {
  const errors = ensureInstalled();
  for (const error of errors) process.stderr.write(`${error}\n`);
  process.exitCode = errors.length === 0 ? 0 : 1;
}
