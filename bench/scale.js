'use strict';
/**
 * The measurements of per-test cost at scale (issue 10), run by bench/run.js: the per-test cycle with few
 * and with about 3,000 more modules loaded, the 40-file Jest suite against aws-sdk-client-mock and a bare
 * stub, and the cost of an awaited promise in the 1st and the 80th file of one Jest worker. Each returns
 * medians; the tables and the targets are formed here too.
 */
const { join } = require('node:path');
const { CHILD_TIMEOUT_SECONDS, progress, runChild } = require('./child');
const { generateSuites, runSuite } = require('./jest-suite');
const { generatePromiseSuites, PROMISE_FILES, promiseSuites, runPromiseSuite } = require('./promise-suite');
const { decimal, duration, median, seconds, table, whole } = require('./report');

const TITLES = {
  tripwire: 'ts-tripwire',
  incumbent: 'aws-sdk-client-mock',
  floor: 'floor',
  stub: 'bare stub (jest.spyOn)',
  reference: 'no ts-tripwire (bare stub)',
};
const CYCLE_CONTENDERS = ['tripwire', 'incumbent', 'floor'];
const SIZES = [
  { name: 'sdk', title: 'SDK and contender only', project: false },
  { name: 'project', title: '+ 3,000 project modules', project: true },
];

const micros = (value) => duration(value / 1e6);

// Measurements

function measureCycles(workspace, projectDir, { rounds, budgetSeconds }) {
  const runs = {};
  for (let round = 1; round <= rounds; round++) {
    for (const size of SIZES) {
      for (const contender of CYCLE_CONTENDERS) {
        progress(`per-test cycle, round ${round}/${rounds}: ${size.title}, ${TITLES[contender]}`);
        const args = [contender, size.project ? projectDir : 'none', budgetSeconds];
        const result = runChild(workspace, 'cycle.js', args);
        if (result.killed) throw new Error(`cycle.js ${args.join(' ')} was killed after ${result.seconds} s`);
        runs[size.name] ??= {};
        runs[size.name][contender] ??= [];
        runs[size.name][contender].push(result);
      }
    }
  }
  const summary = {};
  for (const [size, byContender] of Object.entries(runs)) {
    summary[size] = {};
    for (const [contender, results] of Object.entries(byContender)) {
      const middle = (key) => median(results.map((result) => result[key]));
      summary[size][contender] = {
        microsPerCycle: middle('microsPerCycle'),
        microsPerRegistration: middle('microsPerRegistration'),
        modules: middle('modules'),
      };
    }
  }
  return summary;
}

/** The suites in the order round `round` runs them: each round starts with the next one. */
function rotated(suites, round) {
  const shift = (round - 1) % suites.length;
  return [...suites.slice(shift), ...suites.slice(0, shift)];
}

/**
 * The three 600-test suites alternate within each round, and each round starts with another suite, so
 * the first, cold run (Jest's haste map, the file cache) does not fall on the same suite every time.
 */
function measureJest(workspace, projectDir, { rounds }) {
  const dir = join(workspace.dir, 'jest');
  const generated = generateSuites(dir, workspace.dist, projectDir);
  const times = Object.fromEntries(generated.suites.map((suite) => [suite, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const suite of rotated(generated.suites, round)) {
      progress(`jest, round ${round}/${rounds}: ${TITLES[suite]} suite, ${generated.tests} tests`);
      const result = runSuite(join(dir, suite), {
        expectedTests: generated.tests,
        timeoutSeconds: CHILD_TIMEOUT_SECONDS * 2,
      });
      if (!result.finished)
        throw new Error(`The ${suite} Jest suite did not finish in ${seconds(result.seconds)}`);
      times[suite].push(result.seconds);
    }
  }
  return { ...generated, times };
}

function measurePromises(workspace, { rounds }) {
  const dir = join(workspace.dir, 'promises');
  const { suites } = generatePromiseSuites(dir, workspace.dist);
  const runs = Object.fromEntries(suites.map((suite) => [suite, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const suite of suites) {
      progress(
        `promise cost, round ${round}/${rounds}: ${TITLES[suite]}, ${PROMISE_FILES} files in one worker`,
      );
      const result = runPromiseSuite(dir, suite, CHILD_TIMEOUT_SECONDS * 2);
      if (!result.finished)
        throw new Error(`The ${suite} promise suite did not finish in ${seconds(result.seconds)}`);
      runs[suite].push(result);
    }
  }
  const summary = {};
  for (const [suite, results] of Object.entries(runs)) {
    summary[suite] = {
      first: median(results.map((result) => result.first)),
      last: median(results.map((result) => result.last)),
      seconds: median(results.map((result) => result.seconds)),
    };
  }
  return summary;
}

// Tables

function cyclesTable(cycles) {
  const rows = SIZES.map(({ name, title }) => {
    const by = cycles[name];
    return [
      title,
      whole(by.tripwire.modules),
      micros(by.tripwire.microsPerCycle),
      micros(by.incumbent.microsPerCycle),
      micros(by.floor.microsPerCycle),
      `${decimal(by.tripwire.microsPerCycle / by.incumbent.microsPerCycle)}x`,
      micros(by.tripwire.microsPerRegistration),
      micros(by.incumbent.microsPerRegistration),
    ];
  });
  return table(
    [
      'modules loaded',
      'require.cache (ts-tripwire)',
      'ts-tripwire cycle',
      'aws-sdk-client-mock cycle',
      'floor cycle',
      'ts-tripwire / aws-sdk-client-mock',
      'mockCall',
      'on().resolves()',
    ],
    rows,
  );
}

function jestTable(jest) {
  const incumbent = median(jest.times.incumbent);
  const stub = median(jest.times.stub);
  const rows = Object.entries(jest.times).map(([suite, times]) => [
    TITLES[suite],
    seconds(median(times)),
    decimal(median(times) / incumbent),
    decimal(median(times) / stub),
    times.map((time) => time.toFixed(2)).join(', '),
  ]);
  return table(['suite', 'wall time (median)', 'vs aws-sdk-client-mock', 'vs bare stub', 'runs (s)'], rows);
}

function promiseTable(promises) {
  const ns = (value) => duration(value / 1e9);
  const rows = Object.keys(promiseSuites).map((suite) => {
    const { first, last, seconds: wall } = promises[suite];
    return [TITLES[suite], ns(first), ns(last), `${decimal(last / first)}x`, seconds(wall)];
  });
  const { tripwire, reference } = promises;
  rows.push([
    'ts-tripwire / no ts-tripwire',
    `${decimal(tripwire.first / reference.first)}x`,
    `${decimal(tripwire.last / reference.last)}x`,
    '',
    '',
  ]);
  return table(
    [
      'suite',
      'per await, 1st file',
      `per await, ${PROMISE_FILES}th file`,
      `${PROMISE_FILES}th / 1st`,
      'wall time',
    ],
    rows,
  );
}

/** Rows of [target, goal, measured, pass] for issue 10; `sends` is bench/run.js's throughput summary. */
function scaleTargets(sends, cycles, jest, promises) {
  const rows = [];
  for (const [scenario, title] of [
    ['get-object', 'S3 GetObject'],
    ['document-put', 'DynamoDB document Put'],
  ]) {
    const vsFloor = sends[scenario].tripwire.sendsPerSecond / sends[scenario].floor.sendsPerSecond;
    rows.push([`${title}: throughput vs the floor`, '≥ 0.75', decimal(vsFloor), vsFloor >= 0.75]);
  }
  const growth = cycles.project.tripwire.microsPerCycle / cycles.sdk.tripwire.microsPerCycle;
  rows.push([
    'per-test cycle, + 3,000 modules vs SDK only',
    '≤ 1.2x (flat)',
    `${decimal(growth)}x`,
    growth <= 1.2,
  ]);
  for (const { name, title } of SIZES) {
    const ratio = cycles[name].tripwire.microsPerCycle / cycles[name].incumbent.microsPerCycle;
    rows.push([
      `per-test cycle vs aws-sdk-client-mock, ${title}`,
      '≤ 0.5x',
      `${decimal(ratio)}x`,
      ratio <= 0.5,
    ]);
  }
  for (const { name, title } of SIZES) {
    const cost = cycles[name].tripwire.microsPerRegistration;
    rows.push([`mockCall, ${title}`, '≤ 20 µs', micros(cost), cost <= 20]);
  }
  const tripwireWall = median(jest.times.tripwire);
  const vsIncumbent = tripwireWall / median(jest.times.incumbent);
  const vsStub = tripwireWall / median(jest.times.stub);
  const suite = `Jest ${jest.files} files x ${jest.tests / jest.files} tests`;
  rows.push([
    `${suite}, ts-tripwire / aws-sdk-client-mock`,
    '≤ 0.8',
    decimal(vsIncumbent),
    vsIncumbent <= 0.8,
  ]);
  rows.push([`${suite}, ts-tripwire / bare stub`, '≤ 1.15', decimal(vsStub), vsStub <= 1.15]);
  const promiseGrowth = promises.tripwire.last / promises.tripwire.first;
  rows.push([
    `ts-tripwire: per-await cost, ${PROMISE_FILES}th vs 1st file of a worker`,
    '≤ 1.2x (flat)',
    `${decimal(promiseGrowth)}x`,
    promiseGrowth <= 1.2,
  ]);
  // Jest 30's own runner keeps one AsyncLocalStorage per test file enabled, so the reference grows too:
  // this row is the part ts-tripwire adds.
  const overReference = promises.tripwire.last / promises.reference.last;
  rows.push([
    `per-await cost in the ${PROMISE_FILES}th file, ts-tripwire / no ts-tripwire`,
    '≤ 1.2x',
    `${decimal(overReference)}x`,
    overReference <= 1.2,
  ]);
  return rows;
}

module.exports = {
  cyclesTable,
  jestTable,
  measureCycles,
  measureJest,
  measurePromises,
  promiseTable,
  scaleTargets,
};
