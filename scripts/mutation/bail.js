/**
 * Bail for mutant runs. Jest cannot bail when run programmatically, so a killed mutant would still run
 * every covering test: after the first failure, the environment marks the remaining tests skipped (the
 * remaining files are still loaded: Stryker's perTest analysis needs Jest's own circus runner). The flag lives on the process (Stryker runs Jest in band) and the
 * sequencer clears it at the start of each run. Files that just killed a mutant run first next time:
 * neighbouring mutants tend to be killed by the same tests.
 */
const STATE = Symbol.for('ts-tripwire.mutation-run');

function state() {
  globalThis[STATE] ??= { bailed: false, killers: [] };
  return globalThis[STATE];
}

function isMutantRun() {
  return process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined;
}

function startRun() {
  state().bailed = false;
}

function bail(testPath) {
  if (!isMutantRun()) return;
  const current = state();
  current.bailed = true;
  current.killers = [testPath, ...current.killers.filter((path) => path !== testPath)].slice(0, 20);
}

function hasBailed() {
  return isMutantRun() && state().bailed;
}

/** Lower is earlier: the most recent killer first, files that never killed last. */
function killerRank(testPath) {
  const index = state().killers.indexOf(testPath);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

module.exports = { bail, hasBailed, killerRank, startRun };
