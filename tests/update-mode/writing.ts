/** Helpers for the update-mode writer tests: sources given as lines, and run call sites found in them. */
import { expect } from '@jest/globals';
import { type MissingCode, writeMissingCode } from '../../src/update-mode/source-writer';

export const GET_MOCK = "tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: 'hello' } });";
export const GET_ASSERT =
  "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });";
export const PUT_MOCK = "tripwire.aws.mockCall('s3', 'PutObject');";
export const PUT_ASSERT =
  "tripwire.aws.assertAwsCall({ service: 's3', operation: 'PutObject', params: { Bucket: 'b', Key: 'k' } });";

export const GET_CODE: MissingCode = { before: [GET_MOCK], after: [GET_ASSERT], imports: [] };

/** The 1-based line and column of `run(` in its `occurrence`th line that contains `tripwire.run` (or `marker`). */
export function runSite(source: string, occurrence = 1, marker = '.run('): { line: number; column: number } {
  const lines = source.split('\n');
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    if (!line.includes(marker)) continue;
    if (++seen === occurrence) return { line: index + 1, column: line.indexOf(marker) + 2 };
  }
  throw new Error(`no ${marker} number ${occurrence} in:\n${source}`);
}

/** Writes the code around the `occurrence`th run and returns the new text; fails the test on a refusal. */
export function written(source: string, code: MissingCode = GET_CODE, occurrence = 1): string {
  const result = writeMissingCode(source, runSite(source, occurrence), code);
  if ('reason' in result) throw new Error(`refused: ${result.reason}`);
  return result.text;
}

/** The reason the writer gives for refusing, after checking that it refused. */
export function refusal(source: string, code: MissingCode = GET_CODE, occurrence = 1): string {
  const result = writeMissingCode(source, runSite(source, occurrence), code);
  expect(result).toEqual({ reason: expect.any(String) });
  return (result as { reason: string }).reason;
}

export const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** Whether `original` is `result` with characters inserted (and none removed or changed). */
export function isSubsequence(original: string, result: string): boolean {
  let at = 0;
  for (const char of result) if (at < original.length && char === original[at]) at++;
  return at === original.length;
}
