/**
 * Update mode end to end: a child Jest, under `ts-tripwire/jest`, runs a copy of tests/fixtures/update-mode
 * (the repository's files are never written) whose tests lack their lines, against dynalite on 127.0.0.1.
 * Without the switch they fail and nothing is written; with `TRIPWIRE_UPDATE=1` they pass and their lines are
 * written; then, without the switch and with no service at all, they pass strictly; a second update writes
 * nothing; in CI the switch is refused. A child Vitest does the same with the fixture's vitest/ folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  CHILD_TIMEOUT_MS,
  expectPassed,
  type FixtureRun,
  failureText,
  REPO_ROOT,
  runFixtureChild,
} from '../support/runner-setup-contract';
import { isSubsequence } from './writing';

const FIXTURE = join(REPO_ROOT, 'tests/fixtures/update-mode');
const JEST_BIN = join(REPO_ROOT, 'node_modules/jest/bin/jest.js');
const VITEST_BIN = join(REPO_ROOT, 'node_modules/vitest/vitest.mjs');
const dynalite = require('dynalite') as (options: { createTableMs: number }) => Server;

/** Double quotes, no semicolons, tabs: written by the test, since the repository's linter would reformat it. */
const STYLED = [
  'import { expect, test } from "@jest/globals"',
  'import { tripwire } from "ts-tripwire"',
  'import { orderTotal } from "./orders"',
  '',
  'test("reads a total", async () => {',
  '\tconst total = await tripwire.run(() => orderTotal("o-1"))',
  '\texpect(total).toBe(42)',
  '})',
  '',
].join('\n');

/** A file that imports the command class: its lines take the typed form, and the import is not repeated. */
const TYPED = [
  "import { GetItemCommand } from '@aws-sdk/client-dynamodb';",
  "import { expect, test } from '@jest/globals';",
  "import { tripwire } from 'ts-tripwire';",
  "import { orderTotal } from './orders';",
  '',
  "test('reads a total, typed', async () => {",
  "  expect(GetItemCommand.name).toBe('GetItemCommand');",
  "  const total = await tripwire.run(() => orderTotal('o-1'));",
  '  expect(total).toBe(42);',
  '});',
  '',
].join('\n');

const FILES = ['orders.test.ts', 'styled.test.ts', 'typed.test.ts', 'other-failure.test.ts'];

let server: Server;
let endpoint: string;
let copy: string;
const read = (file: string) => readFileSync(join(copy, file), 'utf8');
const snapshot = () => Object.fromEntries(FILES.map((file) => [file, read(file)]));

/** One child Jest run over the copy; `update` turns the switch on. Never in CI unless `ci` says so. */
function runChild(env: Record<string, string>): Promise<FixtureRun> {
  return runFixtureChild({
    runner: 'Jest',
    fixtureRoot: copy,
    args: (outputFile) => [
      JEST_BIN,
      '--config',
      join(copy, 'jest.config.js'),
      '--runInBand',
      '--no-watchman',
      '--json',
      `--outputFile=${outputFile}`,
    ],
    env: () => ({
      TRIPWIRE_REPO_ROOT: REPO_ROOT,
      CI: '',
      TRIPWIRE_UPDATE: '',
      TRIPWIRE_RECORD_ALLOW_CI: '',
      ...env,
    }),
  });
}

/** One child Vitest run over the copy's vitest/ folder. */
function runVitestChild(env: Record<string, string>): Promise<FixtureRun> {
  return runFixtureChild({
    runner: 'Vitest',
    fixtureRoot: copy,
    args: (outputFile) => [
      VITEST_BIN,
      'run',
      '--config',
      join(copy, 'vitest.config.mjs'),
      '--configLoader',
      'native',
      '--reporter=json',
      `--outputFile=${outputFile}`,
    ],
    env: (scratchDir) => ({
      TRIPWIRE_REPO_ROOT: REPO_ROOT,
      TRIPWIRE_VITEST_CACHE_DIR: join(scratchDir, 'vite-cache'),
      NO_COLOR: '1',
      CI: '',
      TRIPWIRE_UPDATE: '',
      ...env,
    }),
  });
}

beforeAll(async () => {
  server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint });
  await client.send(
    new CreateTableCommand({
      TableName: 'orders',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await client.send(
    new PutItemCommand({ TableName: 'orders', Item: { id: { S: 'o-1' }, total: { N: '42' } } }),
  );
  client.destroy();
  copy = mkdtempSync(join(tmpdir(), 'tripwire-update-mode-'));
  cpSync(FIXTURE, copy, { recursive: true });
  writeFileSync(join(copy, 'styled.test.ts'), STYLED);
  writeFileSync(join(copy, 'typed.test.ts'), TYPED);
  // Vite resolves packages from the importing file: the copy finds the repository's.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
}, 30_000);

afterAll(async () => {
  rmSync(copy, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
});

describe('update mode, run after run', () => {
  const original: Record<string, string> = {};
  let updated: Record<string, string>;

  test(
    'without the switch: the tests lacking lines fail, and nothing is written',
    async () => {
      Object.assign(original, snapshot());
      const run = await runChild({ ORDERS_ENDPOINT: endpoint });
      expect(run.test('orders.test.ts', 'saves an order and reads it back').status).toBe('failed');
      expect(failureText(run.test('orders.test.ts', 'saves an order and reads it back'))).toContain(
        'UnmockedInteractionError',
      );
      expectPassed(run, 'orders.test.ts', 'has all its lines');
      expect(snapshot()).toEqual(original);
    },
    CHILD_TIMEOUT_MS,
  );

  test(
    'with TRIPWIRE_UPDATE=1: the calls reach the service, the tests pass and their lines are written',
    async () => {
      const run = await runChild({ ORDERS_ENDPOINT: endpoint, TRIPWIRE_UPDATE: '1' });
      expectPassed(run, 'orders.test.ts', 'saves an order and reads it back');
      expectPassed(run, 'orders.test.ts', 'has some of its lines already');
      expectPassed(run, 'styled.test.ts', 'reads a total');
      expectPassed(run, 'typed.test.ts', 'reads a total, typed');
      updated = snapshot();
      expect(updated['other-failure.test.ts']).toBe(original['other-failure.test.ts']);
      expect(run.test('other-failure.test.ts', 'fails on its own expectation').failureMessages[0]).toContain(
        'Expected: 0',
      );
      const orders = updated['orders.test.ts']!;
      expect(isSubsequence(original['orders.test.ts']!, orders)).toBe(true);
      expect(placement(orders, "test('saves an order", 'expect(item)')).toEqual({
        before: ['mock PutItem', 'mock GetItem'],
        after: ['assert PutItem', 'assert GetItem'],
      });
      expect(placement(orders, "test('has some of its lines", "test('has all its lines")).toEqual({
        before: ['mock PutItem', 'mock GetItem'],
        after: ['assert PutItem', 'assert GetItem'],
      });
      expect(regionOf(orders, 'saves')).toBe(documentedAfter());
      const complete = (text: string) => text.slice(text.indexOf("test('has all its lines"));
      expect(complete(orders)).toBe(complete(original['orders.test.ts']!));
      const styled = updated['styled.test.ts']!;
      expect(isSubsequence(STYLED, styled)).toBe(true);
      expect(placement(styled, 'test("reads a total"', 'expect(total)')).toEqual({
        before: ['mock GetItem'],
        after: ['assert GetItem'],
      });
      const typed = updated['typed.test.ts']!;
      expect(isSubsequence(TYPED, typed)).toBe(true);
      expect(typed).toContain('  tripwire.aws.mockCall(GetItemCommand, {');
      expect(typed).toContain('  tripwire.aws.assertAwsCall(GetItemCommand, {');
      expect(typed.split('\n').filter((line) => line.startsWith('import ')).length).toBe(4);
      const added = styled.split('\n').filter((line) => !STYLED.split('\n').includes(line));
      expect(added.length).toBeGreaterThan(1);
      expect(added.every((line) => line.startsWith('\t') && !line.includes("'") && !line.endsWith(';'))).toBe(
        true,
      );
    },
    CHILD_TIMEOUT_MS,
  );

  test(
    'then without the switch and with no service: every updated test passes strictly',
    async () => {
      const run = await runChild({});
      for (const title of [
        'saves an order and reads it back',
        'has some of its lines already',
        'has all its lines',
      ]) {
        expectPassed(run, 'orders.test.ts', title);
      }
      expectPassed(run, 'styled.test.ts', 'reads a total');
      expectPassed(run, 'typed.test.ts', 'reads a total, typed');
      expect(snapshot()).toEqual(updated);
    },
    CHILD_TIMEOUT_MS,
  );

  test(
    'updating again writes nothing',
    async () => {
      const run = await runChild({ ORDERS_ENDPOINT: endpoint, TRIPWIRE_UPDATE: '1' });
      expectPassed(run, 'orders.test.ts', 'saves an order and reads it back');
      expect(snapshot()).toEqual(updated);
    },
    CHILD_TIMEOUT_MS,
  );

  test(
    'in CI the switch is refused unless TRIPWIRE_RECORD_ALLOW_CI=1, and nothing is written',
    async () => {
      const run = await runChild({ ORDERS_ENDPOINT: endpoint, TRIPWIRE_UPDATE: '1', CI: 'true' });
      const outcome = run.test('styled.test.ts', 'reads a total');
      expect(outcome.status).toBe('failed');
      expect(failureText(outcome)).toContain('CI is set (CI=true)');
      expect(failureText(outcome)).toContain('TRIPWIRE_RECORD_ALLOW_CI=1');
      expect(snapshot()).toEqual(updated);
    },
    CHILD_TIMEOUT_MS,
  );
});

describe('update mode under Vitest', () => {
  const fixture = 'vitest/orders.test.ts';

  test(
    'TRIPWIRE_UPDATE=1 writes the lines of the test that lacked them only, then it passes strictly',
    async () => {
      const before = read(fixture);
      const updating = await runVitestChild({ ORDERS_ENDPOINT: endpoint, TRIPWIRE_UPDATE: '1' });
      expectPassed(updating, fixture, 'reads a total');
      expect(updating.test(fixture, 'fails on its own expectation').status).toBe('failed');
      const after = read(fixture);
      expect(isSubsequence(before, after)).toBe(true);
      expect(placement(after, "test('reads a total'", 'expect(total)')).toEqual({
        before: ['mock GetItem'],
        after: ['assert GetItem'],
      });
      const failing = (text: string) => text.slice(text.indexOf("test('fails on its own expectation'"));
      expect(failing(after)).toBe(failing(before));

      const strict = await runVitestChild({});
      expectPassed(strict, fixture, 'reads a total');
      expect(read(fixture)).toBe(after);
    },
    2 * CHILD_TIMEOUT_MS,
  );
});

/**
 * The calls the lines of one test make, in order, on each side of its run: `mock PutItem` for a registration,
 * `assert PutItem` for an assertion. The lines' exact text is record mode's, tested with it.
 */
function placement(text: string, from: string, to: string): { before: string[]; after: string[] } {
  const start = text.indexOf(from);
  const region = text.slice(start, text.indexOf(to, start));
  const run = region.indexOf('tripwire.run(');
  const calls = (part: string) =>
    [...part.matchAll(/mockCall\(["']dynamodb["'], ["'](\w+)|operation: ["'](\w+)/g)].map((match) =>
      match[1] === undefined ? `assert ${match[2]}` : `mock ${match[1]}`,
    );
  return { before: calls(region.slice(0, run)), after: calls(region.slice(run)) };
}

/** A `// #region` of a fixture file, dedented as the docs show it. */
function regionOf(text: string, region: string): string {
  const lines = text.split('\n');
  const body = lines.slice(
    lines.indexOf(`  // #region ${region}`) + 1,
    lines.indexOf(`  // #endregion ${region}`),
  );
  return body.map((line) => line.replace(/^ {2}/, '')).join('\n');
}

/** The "after" sample of docs/recipes/update.md: what this run must have written, to the character. */
function documentedAfter(): string {
  const page = readFileSync(join(REPO_ROOT, 'docs/recipes/update.md'), 'utf8');
  const after = page.slice(page.indexOf('After `TRIPWIRE_UPDATE=1 npx jest`:'));
  return after.slice(after.indexOf('```ts\n') + 6, after.indexOf('\n```\n'));
}
