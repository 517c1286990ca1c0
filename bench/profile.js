'use strict';
/**
 * Where the time of one mocked-send measurement goes: runs bench/sends.js under `node --cpu-prof` and
 * prints the functions with the most self time inside the timed window (module loading and warm-up left
 * out), then the same time grouped by package.
 *
 *   npm run build && node bench/profile.js [tripwire|incumbent|floor] [scenario] [sends]
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const os = require('node:os');
const { join, relative, resolve } = require('node:path');
const { offlineEnv } = require('./env');
const { table } = require('./report');

const ROOT = resolve(__dirname, '..');
const TOP = 25;
const [contender = 'tripwire', scenario = 'get-object', sends = '100000'] = process.argv.slice(2);

function profileRun() {
  const dir = mkdtempSync(join(os.tmpdir(), 'ts-tripwire-profile-'));
  try {
    const run = spawnSync(
      process.execPath,
      [
        // e.g. PROFILE_NODE_FLAGS=--no-turbo-inlining to see inlined functions on their own
        ...(process.env.PROFILE_NODE_FLAGS ?? '').split(' ').filter(Boolean),
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        '--expose-gc',
        join(__dirname, 'sends.js'),
        contender,
        scenario,
        sends,
      ],
      { env: offlineEnv(), encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`sends.js failed:\n${run.stderr}`);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    return { result, profile: JSON.parse(readFileSync(join(dir, file), 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Self time in µs per profile node, counting only samples taken inside [from, to]. */
function selfTimes(profile, [from, to]) {
  const times = new Map();
  let timestamp = profile.startTime;
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    timestamp += delta;
    if (timestamp >= from && timestamp <= to) times.set(nodeId, (times.get(nodeId) ?? 0) + delta);
  });
  return times;
}

function where(callFrame) {
  const url = callFrame.url.replace(/^file:\/\//, '');
  if (url === '') return '';
  const shown = url.startsWith(ROOT) ? relative(ROOT, url) : url;
  return `${shown}:${callFrame.lineNumber + 1}`;
}

function packageOf(callFrame) {
  const url = callFrame.url.replace(/^file:\/\//, '');
  if (url === '') return callFrame.functionName.startsWith('(') ? callFrame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  if (url.startsWith(join(ROOT, 'dist'))) return 'ts-tripwire (dist)';
  if (url.startsWith(join(ROOT, 'bench'))) return 'benchmark loop';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return match ? match[1] : url;
}

function main() {
  const { result, profile } = profileRun();
  const times = selfTimes(profile, result.window);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = [...times.values()].reduce((sum, time) => sum + time, 0);
  const percent = (time) => `${((time / total) * 100).toFixed(1)}%`;

  const byFunction = new Map();
  const byPackage = new Map();
  for (const [id, time] of times) {
    const { callFrame } = nodes.get(id);
    const name = `${callFrame.functionName || '(anonymous)'} ${where(callFrame)}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    const owner = packageOf(callFrame);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + time);
  }
  const ranked = (map, count) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);

  console.log(
    `${contender} ${scenario}: ${Math.round(result.sendsPerSecond).toLocaleString('en-US')} sends/s under the profiler; ` +
      `${(total / 1000).toFixed(0)} ms of samples in the timed window\n`,
  );
  console.log(
    table(
      ['self time', 'function'],
      ranked(byFunction, TOP).map(([name, time]) => [percent(time), name]),
    ),
  );
  console.log();
  console.log(
    table(
      ['self time', 'package'],
      ranked(byPackage, 15).map(([name, time]) => [percent(time), name]),
    ),
  );
}

main();
