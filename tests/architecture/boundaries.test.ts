/**
 * The layers of src/ and what each may import (docs/design.md draws them):
 * - util/: shared helpers, importing only each other;
 * - errors.ts: the public error classes and the contract's summary types;
 * - plugins/contract/: what a plugin may use (`ts-tripwire/plugin`): util/, errors.ts and itself;
 * - verifier/: knows plugins only through the contract, and speaks no AWS;
 * - plugins/aws/: the AWS plugin, written against the contract, util/ and errors.ts alone;
 * - update-mode/: writing a test's missing lines into its file, which speaks no AWS either;
 * - the entry files at the top (index, jest, vitest, plugin, current, ...) may import anything.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from '@jest/globals';

const SRC = resolve(__dirname, '../../src');

function sourceFiles(directory = SRC): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.m?ts$/.test(name) ? [path] : [];
  });
}

/** `verifier/timeline.ts`, with forward slashes. */
const fromSrc = (path: string) => relative(SRC, path).split(sep).join('/');

/** The src/ modules a file imports (type imports included: a layer leaks through its types too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(
    (match) => match[1]!,
  );
  return specifiers.map((specifier) => fromSrc(resolve(dirname(file), specifier)).replace(/\.js$/, ''));
}

const layerOf = (module: string): string => {
  if (module.startsWith('util/')) return 'util';
  if (module.startsWith('verifier/')) return 'verifier';
  if (module.startsWith('plugins/contract/')) return 'contract';
  if (module.startsWith('plugins/aws/')) return 'aws';
  if (module.startsWith('update-mode/')) return 'update-mode';
  if (module === 'errors') return 'errors';
  return 'entry';
};

const ALLOWED: Record<string, readonly string[]> = {
  util: ['util'],
  errors: ['contract'],
  contract: ['contract', 'util', 'errors'],
  verifier: ['verifier', 'contract', 'util', 'errors'],
  aws: ['aws', 'contract', 'util', 'errors'],
  'update-mode': ['update-mode', 'util', 'errors'],
};

/** The code without its comments, for checks on what the code says rather than what it explains. */
function codeOf(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('the boundaries of src/', () => {
  const files = sourceFiles();

  test('each layer imports only the layers below it', () => {
    const crossings = files.flatMap((file) => {
      const from = fromSrc(file).replace(/\.m?ts$/, '');
      const allowed = ALLOWED[layerOf(from)];
      if (allowed === undefined) return [];
      return importsOf(file)
        .filter((module) => !allowed.includes(layerOf(module)))
        .map((module) => `${from} imports ${module}`);
    });
    expect(crossings).toEqual([]);
  });

  test('the verifier, the plugin contract and update mode speak no AWS', () => {
    const awsWords = /\b(aws|amazon|sdk|s3|dynamodb|sqs)\b|assertAwsCall|mockCall/i;
    const speaking = files
      .filter((file) => ['verifier', 'contract', 'util', 'update-mode'].includes(layerOf(fromSrc(file))))
      .flatMap((file) =>
        codeOf(file)
          .split('\n')
          .filter((line) => awsWords.test(line))
          .map((line) => `${fromSrc(file)}: ${line.trim()}`),
      );
    expect(speaking).toEqual([]);
  });

  test('no source file is longer than 300 lines', () => {
    const long = files
      .map((file) => ({ file: fromSrc(file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });

  test('at most a few double casts, each where a value comes from Node internals', () => {
    const casts = files.flatMap((file) =>
      codeOf(file)
        .split('\n')
        .filter((line) => line.includes('as unknown as'))
        .map((line) => `${fromSrc(file)}: ${line.trim()}`),
    );
    expect(casts.length).toBeLessThanOrEqual(4);
  });
});
