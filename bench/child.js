'use strict';
/** Progress lines on stderr, and a bench script run in a fresh `node` process that prints one JSON line. */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { offlineEnv } = require('./env');
const { seconds } = require('./report');

const CHILD_TIMEOUT_SECONDS = 180;

function progress(message) {
  process.stderr.write(`[bench ${seconds(process.uptime())}] ${message}\n`);
}

/** Runs a bench script in a fresh `node` and returns the JSON line it printed, or `{ killed }` past the limit. */
function runChild(workspace, script, args, nodeFlags = []) {
  const run = spawnSync(process.execPath, [...nodeFlags, join(__dirname, script), ...args.map(String)], {
    env: offlineEnv({ BENCH_TRIPWIRE_DIST: workspace.dist }),
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_SECONDS * 1000,
    killSignal: 'SIGKILL',
  });
  if (run.error?.code === 'ETIMEDOUT') return { killed: true, seconds: CHILD_TIMEOUT_SECONDS };
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

module.exports = { CHILD_TIMEOUT_SECONDS, progress, runChild };
