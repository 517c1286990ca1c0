import { describe, expect, test } from '@jest/globals';
import { missingMemberProblem, placeholder } from '../../../../src/plugins/aws/messages/validation-problems';

type Kind =
  | 'isStreaming'
  | 'isBlobSchema'
  | 'isListSchema'
  | 'isMapSchema'
  | 'isStructSchema'
  | 'isStringSchema'
  | 'isBooleanSchema'
  | 'isTimestampSchema'
  | 'isNumericSchema'
  | 'isBigIntegerSchema'
  | 'isBigDecimalSchema';

const KINDS: Kind[] = [
  'isStreaming',
  'isBlobSchema',
  'isListSchema',
  'isMapSchema',
  'isStructSchema',
  'isStringSchema',
  'isBooleanSchema',
  'isTimestampSchema',
  'isNumericSchema',
  'isBigIntegerSchema',
  'isBigDecimalSchema',
];

/** A member as the SDK's NormalizedSchema answers for it: one kind, and a shape name for a static schema. */
function member(kind: Kind | undefined, shapeName?: string) {
  const answers = Object.fromEntries(KINDS.map((each) => [each, () => each === kind]));
  return shapeName === undefined
    ? answers
    : { ...answers, getSchema: () => [3, 'ns', shapeName], getName: () => shapeName };
}

describe('placeholder: a value of the member’s kind to paste in', () => {
  test.each([
    ['isStreaming', "'...'"],
    ['isBlobSchema', 'new Uint8Array()'],
    ['isListSchema', '[]'],
    ['isMapSchema', '{}'],
    ['isStructSchema', '{}'],
    ['isStringSchema', "'...'"],
    ['isBooleanSchema', 'false'],
    ['isTimestampSchema', 'new Date()'],
    ['isNumericSchema', '0'],
    ['isBigIntegerSchema', '0'],
    ['isBigDecimalSchema', '0'],
  ] as const)('%s: %s', (kind, expected) => {
    expect(placeholder(member(kind) as never)).toBe(expected);
  });

  test('a kind it does not know is a string; a list or structure names its shape when the schema is static', () => {
    expect(placeholder(member(undefined) as never)).toBe("'...'");
    expect(placeholder(member('isListSchema', 'TagList') as never)).toBe('[/* TagList */]');
    expect(placeholder(member('isStructSchema', 'Tag') as never)).toBe('{ /* Tag */ }');
  });
});

describe('missingMemberProblem', () => {
  const string = member('isStringSchema') as never;

  test('a top-level member is required by the operation (params) or the output', () => {
    const missing = { path: 'TableName', parentPath: '', name: 'TableName' };
    expect(missingMemberProblem(missing, 'PutItemInput', string, 'params')).toBe(
      "TableName is missing, and the operation requires it: add TableName: '...' to the params.",
    );
    expect(missingMemberProblem(missing, undefined, string, 'output')).toBe(
      "TableName is missing, and the output requires it: add TableName: '...' to the output.",
    );
  });

  test('a nested member is required by its structure, and added to its parent', () => {
    const missing = { path: 'Tags[0].Key', parentPath: 'Tags[0]', name: 'Key' };
    expect(missingMemberProblem(missing, 'Tag', string, 'params')).toBe(
      "Tags[0].Key is missing, and Tag requires it: add Key: '...' to Tags[0].",
    );
    expect(missingMemberProblem(missing, undefined, string, 'params')).toBe(
      "Tags[0].Key is missing, and the operation requires it: add Key: '...' to Tags[0].",
    );
  });
});
