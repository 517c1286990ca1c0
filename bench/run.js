'use strict';
/**
 * `npm run bench` (after `npm run build`): every measurement in a fresh `node` process, contenders
 * alternating within each round, medians printed as Markdown tables with the targets marked
 * PASS or MISS. It reports and never fails on a MISS; it exits non-zero only when a measurement breaks.
 * Method and figures: docs/performance.md.
 */
const { spawnSync } = require('node:child_process');
const os = require('node:os');
const { join, resolve } = require('node:path');
const { progress, runChild } = require('./child');
const { generateProject } = require('./project');
const { decimal, duration, median, seconds, table, targetsTable, whole } = require('./report');
const {
  cyclesTable,
  jestTable,
  measureCycles,
  measureJest,
  measurePromises,
  promiseTable,
  scaleTargets,
} = require('./scale');
const { scenarios } = require('./scenarios');
const { BUILD_ROOT, createWorkspace } = require('./workspace');

const ROOT = resolve(__dirname, '..');
// `node bench/run.js --quick`: one round of everything and short budgets, to try a change to the bench.
const QUICK = process.argv.includes('--quick');
const SENDS = 100_000;
// 7 rather than the minimum of 5: the streaming row is bimodal (see docs/performance.md, Caveats).
const SEND_ROUNDS = QUICK ? 1 : 7;
const CONTENDERS = ['tripwire', 'incumbent', 'floor'];
const CONTENDER_TITLES = { tripwire: 'ts-tripwire', incumbent: 'aws-sdk-client-mock', floor: 'floor' };

const ASSERTION_ROUNDS = QUICK ? 1 : 3;
const ASSERTION_BUDGET_SECONDS = QUICK ? 2 : 10;
const ASSERTION_CASES = [
  { name: 'in-order', title: 'assertAwsCall, in order', sizes: [2_000, 20_000, 200_000] },
  {
    name: 'reverse-any-order',
    title: 'assertAwsCall, reverse order in inAnyOrder',
    sizes: [2_000, 20_000, 200_000],
  },
  { name: 'verify-all-asserted', title: 'verifyAll(), all asserted', sizes: [200_000] },
  { name: 'verify-all-unasserted', title: 'verifyAll(), none asserted (throws)', sizes: [20_000, 200_000] },
];
const ASSERTION_SIZES = [2_000, 20_000, 200_000];

const CYCLE_ROUNDS = QUICK ? 1 : 5;
const CYCLE_BUDGET_SECONDS = QUICK ? 0.3 : 1;
const JEST_ROUNDS = QUICK ? 1 : 3;
const PROMISE_ROUNDS = QUICK ? 1 : 2;

// Measurements

function measureSends(workspace) {
  const runs = {};
  for (let round = 1; round <= SEND_ROUNDS; round++) {
    for (const scenario of Object.keys(scenarios)) {
      for (const contender of CONTENDERS) {
        progress(`sends, round ${round}/${SEND_ROUNDS}: ${scenario}, ${CONTENDER_TITLES[contender]}`);
        const result = runChild(workspace, 'sends.js', [contender, scenario, SENDS], ['--expose-gc']);
        runs[scenario] ??= {};
        runs[scenario][contender] ??= [];
        runs[scenario][contender].push(result);
      }
    }
  }
  const summary = {};
  for (const [scenario, byContender] of Object.entries(runs)) {
    summary[scenario] = {};
    for (const [contender, results] of Object.entries(byContender)) {
      summary[scenario][contender] = {
        sendsPerSecond: median(results.map((result) => result.sendsPerSecond)),
        heapBytesPerCall: median(results.map((result) => result.heapBytesPerCall)),
      };
    }
  }
  return summary;
}

/**
 * Finished cases are repeated and their median kept; a case that ran out of time once is not rerun.
 * `microsPerUnit` is the time per assertion, or for verifyAll() the time per recorded interaction.
 */
function measureAssertions(workspace) {
  const runs = new Map();
  for (let round = 1; round <= ASSERTION_ROUNDS; round++) {
    for (const { name, sizes } of ASSERTION_CASES) {
      for (const size of sizes) {
        const key = `${name}:${size}`;
        const earlier = runs.get(key) ?? [];
        if (earlier.some((result) => !result.finished)) continue;
        progress(`assertions, round ${round}/${ASSERTION_ROUNDS}: ${name}, ${whole(size)} interactions`);
        const result = runChild(
          workspace,
          'assertions.js',
          [size, name, ASSERTION_BUDGET_SECONDS],
          ['--expose-gc'],
        );
        const normalized = result.killed ? { finished: false, done: 0, seconds: result.seconds } : result;
        runs.set(key, [...earlier, { ...normalized, size }]);
      }
    }
  }
  const summary = new Map();
  for (const [key, results] of runs) {
    const unfinished = results.find((result) => !result.finished);
    const perUnit = (result) => result.microsPerAssertion ?? (result.seconds / result.size) * 1e6;
    summary.set(
      key,
      unfinished ?? {
        finished: true,
        seconds: median(results.map((result) => result.seconds)),
        microsPerUnit: median(results.map(perUnit)),
      },
    );
  }
  return summary;
}

// Report

const LOAD_AT_START = os.loadavg()[0];

/** The commit measured, and whether src/ had uncommitted changes when the run started. */
function sourceRevision() {
  const git = (...args) => spawnSync('git', args, { cwd: BUILD_ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
  return git('status', '--porcelain', '--', 'src') === ''
    ? commit
    : `${commit} + uncommitted changes in src/`;
}
const SOURCE_AT_START = sourceRevision();

function machine() {
  const version = (name) => require(join(ROOT, 'node_modules', name, 'package.json')).version;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return [
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${decimal(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version} (${process.platform} ${process.arch}); ` +
      `load average ${decimal(LOAD_AT_START)} at the start, ${decimal(os.loadavg()[0])} at the end`,
    `Source: ${SOURCE_AT_START}; ${new Date().toISOString().slice(0, 10)}`,
    `Versions: ts-tripwire ${require(join(ROOT, 'package.json')).version}, @aws-sdk/client-s3 ${version('@aws-sdk/client-s3')}, ` +
      `@aws-sdk/lib-dynamodb ${version('@aws-sdk/lib-dynamodb')}, aws-sdk-client-mock ${version('aws-sdk-client-mock')} ` +
      `(sinon ${version('sinon')}), jest ${version('jest')}`,
  ].join('\n');
}

function sendsTable(sends) {
  const rows = Object.entries(sends).map(([scenario, by]) => [
    scenarios[scenario].title,
    whole(by.tripwire.sendsPerSecond),
    whole(by.incumbent.sendsPerSecond),
    whole(by.floor.sendsPerSecond),
    `${decimal(by.tripwire.sendsPerSecond / by.incumbent.sendsPerSecond)}x`,
    decimal(by.tripwire.sendsPerSecond / by.floor.sendsPerSecond),
  ]);
  return table(
    [
      'call',
      'ts-tripwire sends/s',
      'aws-sdk-client-mock sends/s',
      'floor sends/s',
      'ts-tripwire / aws-sdk-client-mock',
      'ts-tripwire / floor',
    ],
    rows,
  );
}

function memoryTable(sends) {
  const rows = Object.entries(sends).map(([scenario, by]) => [
    scenarios[scenario].title,
    ...CONTENDERS.map((contender) => `${whole(by[contender].heapBytesPerCall)} B`),
  ]);
  return table(['call', ...CONTENDERS.map((contender) => CONTENDER_TITLES[contender])], rows);
}

/** A cell for one assertion case: per assertion, or total for verifyAll, or how far it got in the budget. */
function assertionCell(result, size, perAssertion) {
  if (result === undefined) return '';
  if (!result.finished) {
    if (result.done === 0) return `killed after ${seconds(result.seconds)}`;
    return (
      `did not finish in ${seconds(result.seconds)}: ${whole(result.done)} of ${whole(size)}, ` +
      `those took ${duration(result.microsPerAssertion / 1e6)} each`
    );
  }
  if (perAssertion) return duration(result.microsPerUnit / 1e6);
  return `${duration(result.seconds)} (${duration(result.seconds / size)} per interaction)`;
}

function assertionsTable(assertions) {
  const rows = ASSERTION_CASES.map(({ name, title }) => [
    title,
    ...ASSERTION_SIZES.map((size) =>
      assertionCell(assertions.get(`${name}:${size}`), size, !name.startsWith('verify-all')),
    ),
  ]);
  return table(['case', ...ASSERTION_SIZES.map((size) => `${whole(size)} recorded`)], rows);
}

/**
 * Per-assertion (or per-interaction) growth between two sizes. A loop that ran out of its budget is
 * judged on the assertions it did make: flat means each costs about what one costs at the small size.
 */
function growth(assertions, name, small, large) {
  const base = assertions.get(`${name}:${small}`);
  const grown = assertions.get(`${name}:${large}`);
  if (!base.finished) return { measured: `${whole(small)} did not finish`, pass: false };
  if (grown.finished) {
    const ratio = grown.microsPerUnit / base.microsPerUnit;
    return { measured: `${decimal(ratio)}x`, pass: ratio <= 2 };
  }
  if (grown.done === 0)
    return { measured: `${whole(large)} killed after ${seconds(grown.seconds)}`, pass: false };
  const ratio = grown.microsPerAssertion / base.microsPerUnit;
  return {
    measured: `${decimal(ratio)}x (${whole(large)}: did not finish in ${seconds(grown.seconds)}; its first ${whole(grown.done)})`,
    pass: ratio <= 2,
  };
}

function targets(sends, assertions, jest) {
  const rows = [];
  for (const [scenario, by] of Object.entries(sends)) {
    const { title } = scenarios[scenario];
    const vsIncumbent = by.tripwire.sendsPerSecond / by.incumbent.sendsPerSecond;
    const vsFloor = by.tripwire.sendsPerSecond / by.floor.sendsPerSecond;
    rows.push([
      `${title}: throughput vs aws-sdk-client-mock`,
      '≥ 10x',
      `${decimal(vsIncumbent)}x`,
      vsIncumbent >= 10,
    ]);
    rows.push([`${title}: throughput vs the floor`, '≥ 0.33', decimal(vsFloor), vsFloor >= 0.33]);
  }
  const reverse = growth(assertions, 'reverse-any-order', 2_000, 20_000);
  rows.push(['reverse-order inAnyOrder per assertion, 20k vs 2k', '≤ 2x', reverse.measured, reverse.pass]);
  const reverseLarge = growth(assertions, 'reverse-any-order', 2_000, 200_000);
  rows.push([
    'reverse-order inAnyOrder per assertion, 200k vs 2k',
    '≤ 2x (flat)',
    reverseLarge.measured,
    reverseLarge.pass,
  ]);
  const inOrder = growth(assertions, 'in-order', 2_000, 200_000);
  rows.push(['in-order per assertion, 200k vs 2k', '≤ 2x (flat)', inOrder.measured, inOrder.pass]);
  const verify = growth(assertions, 'verify-all-unasserted', 20_000, 200_000);
  rows.push([
    'verifyAll() (none asserted) per interaction, 200k vs 20k',
    '≤ 2x (linear)',
    verify.measured,
    verify.pass,
  ]);
  const jestRatio = median(jest.times.tripwire) / median(jest.times.incumbent);
  rows.push([
    `Jest suite wall time (${jest.files} x ${jest.tests / jest.files}), ts-tripwire / aws-sdk-client-mock`,
    '≤ 1.1',
    decimal(jestRatio),
    jestRatio <= 1.1,
  ]);
  return targetsTable(rows);
}

function formatReport({ sends, assertions, cycles, jest, promises }) {
  return [
    '# ts-tripwire benchmark',
    '',
    machine(),
    '',
    `## Mocked sends: ${whole(SENDS)} sequential awaited sends per process, median of ${SEND_ROUNDS} rounds`,
    '',
    sendsTable(sends),
    '',
    `## Heap per recorded interaction: retained after ${whole(SENDS)} calls (gc before and after), median`,
    '',
    memoryTable(sends),
    '',
    `## Assertions after the sandbox: median of ${ASSERTION_ROUNDS} rounds; a loop stops at ${ASSERTION_BUDGET_SECONDS} s`,
    '',
    assertionsTable(assertions),
    '',
    `## Per-test cycle: mock, run one send, assert, verify; median of ${CYCLE_ROUNDS} rounds of ${seconds(CYCLE_BUDGET_SECONDS)} per process`,
    '',
    cyclesTable(cycles),
    '',
    `## Jest: ${jest.tests} generated tests in ${jest.files} files, 3 mocked calls each, ${jest.projectModulesPerFile} project modules per file; median of ${JEST_ROUNDS} runs`,
    '',
    jestTable(jest),
    '',
    `## Promise cost in one Jest worker: ns per awaited promise after a sandbox ran; median of ${PROMISE_ROUNDS} runs`,
    '',
    promiseTable(promises),
    '',
    '## Targets (issue 5)',
    '',
    targets(sends, assertions, jest),
    '',
    '## Targets (issue 10: per-test cost at scale)',
    '',
    targetsTable(scaleTargets(sends, cycles, jest, promises)),
    '',
    `Benchmark time: ${seconds(process.uptime())}.`,
  ].join('\n');
}

function main() {
  const workspace = createWorkspace();
  try {
    const sends = measureSends(workspace);
    const assertions = measureAssertions(workspace);
    const project = generateProject(join(workspace.dir, 'project'));
    progress(`generated ${whole(project.files)} project modules`);
    const cycles = measureCycles(workspace, project.dir, {
      rounds: CYCLE_ROUNDS,
      budgetSeconds: CYCLE_BUDGET_SECONDS,
    });
    const jest = measureJest(workspace, project.dir, { rounds: JEST_ROUNDS });
    const promises = measurePromises(workspace, { rounds: PROMISE_ROUNDS });
    console.log(formatReport({ sends, assertions, cycles, jest, promises }));
  } finally {
    workspace.remove();
  }
}

try {
  main();
} catch (error) {
  console.error(error);
  process.exit(1);
}
