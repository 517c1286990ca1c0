/**
 * Which test file holds which test, as the full names Jest and Stryker use ("describe title test title").
 * The mutation runs' test environment writes it during Stryker's first, complete run; the sequencer reads
 * it to load only the files that hold a mutant's covering tests.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** Set by stryker.config.mjs, so that a plain `jest -c jest.mutation.config.js` writes nothing. */
const RECORDING = process.env.TRIPWIRE_MUTATION_RUN === '1';

function mapFile(rootDir) {
  return join(rootDir, '.stryker-test-names.json');
}

/** `{ [testFile]: fullNames[] }`, or undefined when nothing was recorded. */
function readTestNames(rootDir) {
  const file = mapFile(rootDir);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function recordTestNames(rootDir, testFile, names) {
  const map = readTestNames(rootDir) ?? {};
  map[testFile] = [...new Set([...(map[testFile] ?? []), ...names])];
  writeFileSync(mapFile(rootDir), JSON.stringify(map));
}

/** The same full name as Stryker's jest-runner gives a test (its mixin-jest-environment). */
function fullName(test) {
  const titles = [];
  for (let block = test.parent; block?.parent; block = block.parent) titles.unshift(block.name);
  return [...titles, test.name].join(' ').trimStart();
}

module.exports = { RECORDING, fullName, readTestNames, recordTestNames };
