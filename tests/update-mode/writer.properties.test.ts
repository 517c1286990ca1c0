/**
 * Properties of the update-mode writer over generated test files (indentation, quotes, semicolons, line
 * endings, nesting, existing lines) and generated lines to write: it only inserts (the original text is a
 * subsequence of the result), the result parses, the lines land on the right side of the run in order,
 * and the file's quotes, semicolons and line endings are kept.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { writeMissingCode } from '../../src/update-mode/source-writer';
import { parses } from '../../src/update-mode/syntax';
import { isSubsequence, runSite } from './writing';

interface Style {
  readonly unit: string;
  readonly quote: "'" | '"';
  readonly semi: string;
  readonly eol: string;
}

interface Shape {
  readonly style: Style;
  readonly depth: number;
  readonly functionTest: boolean;
  readonly runForm: 'await' | 'const' | 'chained';
  readonly mocks: number;
  readonly asserts: number;
  readonly trailing: boolean;
  readonly comment: boolean;
}

const styleArbitrary: fc.Arbitrary<Style> = fc.record({
  unit: fc.constantFrom('  ', '    ', '\t'),
  quote: fc.constantFrom("'" as const, '"' as const),
  semi: fc.constantFrom(';', ''),
  eol: fc.constantFrom('\n', '\r\n'),
});

const shapeArbitrary: fc.Arbitrary<Shape> = fc.record({
  style: styleArbitrary,
  depth: fc.integer({ min: 0, max: 2 }),
  functionTest: fc.boolean(),
  runForm: fc.constantFrom('await' as const, 'const' as const, 'chained' as const),
  mocks: fc.integer({ min: 0, max: 2 }),
  asserts: fc.integer({ min: 0, max: 2 }),
  trailing: fc.boolean(),
  comment: fc.boolean(),
});

/** A test file of the shape, written in its style. */
function testFile(shape: Shape): string {
  const { unit, quote: q, semi, eol } = shape.style;
  const out: string[] = [`import { tripwire } from ${q}ts-tripwire${q}${semi}`, ''];
  for (let level = 0; level < shape.depth; level++)
    out.push(`${unit.repeat(level)}describe(${q}d${level}${q}, () => {`);
  const pad = unit.repeat(shape.depth);
  const inner = pad + unit;
  out.push(`${pad}test(${q}t${q}, async ${shape.functionTest ? 'function () ' : '() => '}{`);
  for (let index = 0; index < shape.mocks; index++)
    out.push(`${inner}tripwire.aws.mockCall(${q}s3${q}, ${q}Old${index}${q})${semi}`);
  if (shape.comment) out.push(`${inner}// act`);
  const run = `tripwire.run(async () => {${eol}${inner}${unit}await go()${semi}${eol}${inner}})`;
  out.push(
    `${inner}${{ await: `await ${run}`, const: `const result = await ${run}`, chained: `await ${run}.then(check)` }[shape.runForm]}${semi}`,
  );
  for (let index = 0; index < shape.asserts; index++)
    out.push(`${inner}tripwire.aws.assertAwsCall({ n: ${index} })${semi}`);
  if (shape.trailing) out.push(`${inner}expect(1).toBe(1)${semi}`);
  out.push(`${pad}})${semi}`);
  for (let level = shape.depth - 1; level >= 0; level--) out.push(`${unit.repeat(level)}})${semi}`);
  return out.join(eol) + eol;
}

/** A value as emitted code writes it: single quotes, strings with quotes, backslashes and line breaks. */
const valueArbitrary = fc.oneof(
  fc
    .string({ maxLength: 12 })
    .map(
      (text) =>
        `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`,
    ),
  fc.integer().map(String),
  fc.constantFrom('`line 1\n  line 2`', 'new Date(0)', 'tripwire.ANY', '{ nested: { deep: [1, 2] } }'),
);

/** Statement `index` carries the marker `mark<index>`, to find it in the result. */
function statementArbitrary(kind: 'before' | 'after'): fc.Arbitrary<(index: number) => string> {
  return fc.tuple(valueArbitrary, fc.boolean()).map(([value, multiLine]) => (index: number) => {
    const fields = multiLine
      ? `{\n  mark: 'mark${index}',\n  value: ${value},\n}`
      : `{ mark: 'mark${index}', value: ${value} }`;
    if (kind === 'before') return `tripwire.aws.mockCall('s3', 'Get', ${fields});`;
    if (multiLine)
      return `tripwire.inAnyOrder(() => {\n  tripwire.aws.assertAwsCall({ params: ${fields.replace(/\n/g, '\n  ')} });\n});`;
    return `tripwire.aws.assertAwsCall({ service: 's3', params: ${fields} });`;
  });
}

const codeArbitrary = fc
  .record({
    before: fc.array(statementArbitrary('before'), { maxLength: 3 }),
    after: fc.array(statementArbitrary('after'), { maxLength: 3 }),
    imports: fc.subarray([
      { from: '@aws-sdk/client-s3', names: ['GetObjectCommand'] },
      { from: 'ts-tripwire', names: ['tripwire'] },
    ]),
  })
  .map(({ before, after, imports }) => ({
    before: before.map((make, index) => make(index)),
    after: after.map((make, index) => make(before.length + index)),
    imports,
  }));

describe('the writer, over generated files and lines', () => {
  test('only inserts, the result parses, lines land in order on their side of the run, line endings kept', () => {
    fc.assert(
      fc.property(shapeArbitrary, codeArbitrary, (shape, code) => {
        const source = testFile(shape);
        expect(parses(source)).toBe(true);
        const result = writeMissingCode(source, runSite(source), code);
        if ('reason' in result) throw new Error(result.reason);
        const { text } = result;
        expect(isSubsequence(source, text)).toBe(true);
        expect(parses(text)).toBe(true);
        const runAt = text.indexOf('tripwire.run(');
        const marks = [...code.before, ...code.after].map((_, index) => text.indexOf(`mark${index}`));
        const beforeMarks = marks.slice(0, code.before.length);
        const afterMarks = marks.slice(code.before.length);
        expect(beforeMarks.every((at) => at >= 0 && at < runAt)).toBe(true);
        expect(afterMarks.every((at) => at > runAt)).toBe(true);
        expect(marks).toEqual([...marks].sort((a, b) => a - b));
        const q = shape.style.quote;
        expect(marks.every((_, index) => text.includes(`${q}mark${index}${q}`))).toBe(true);
        if (shape.style.semi === '') expect(/\);$/m.test(text.replace(/\r/g, ''))).toBe(false);
        if (shape.style.eol === '\r\n') expect(/[^\r]\n/.test(text)).toBe(false);
        else expect(text.includes('\r')).toBe(false);
        expect(text.split(shape.style.eol).at(-1)).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  test('with nothing to write, the text comes back unchanged', () => {
    fc.assert(
      fc.property(shapeArbitrary, (shape) => {
        const source = testFile(shape);
        expect(
          writeMissingCode(source, runSite(source), { before: [], after: [], imports: [] }),
        ).toMatchObject({
          text: source,
        });
      }),
      { numRuns: 50 },
    );
  });
});
