/**
 * The update-mode writer on the shapes tests come in: where the lines go, in which style, and the runs it
 * refuses to write around, each with the reason it gives.
 */
import { describe, expect, test } from '@jest/globals';
import { writeMissingCode } from '../../src/update-mode/source-writer';
import {
  GET_ASSERT,
  GET_CODE,
  GET_MOCK,
  lines,
  PUT_ASSERT,
  PUT_MOCK,
  refusal,
  runSite,
  written,
} from './writing';

describe('where the lines go', () => {
  test('mocks above an awaited run statement, assertions below it', () => {
    const source = lines("test('reads', async () => {", '  await tripwire.run(() => readReport());', '});');
    expect(written(source)).toBe(
      lines(
        "test('reads', async () => {",
        `  ${GET_MOCK}`,
        '  await tripwire.run(() => readReport());',
        `  ${GET_ASSERT}`,
        '});',
      ),
    );
  });

  test('in a function expression test, and when the run result is kept in a variable', () => {
    const source = lines(
      "it('reads', async function () {",
      '  const report = await tripwire.run(async () => readReport());',
      "  expect(report).toBe('hello');",
      '});',
    );
    expect(written(source)).toBe(
      lines(
        "it('reads', async function () {",
        `  ${GET_MOCK}`,
        '  const report = await tripwire.run(async () => readReport());',
        `  ${GET_ASSERT}`,
        "  expect(report).toBe('hello');",
        '});',
      ),
    );
  });

  test('new mocks right after the existing ones, new assertions after the last existing assertion', () => {
    const source = lines(
      "describe('reports', () => {",
      "  describe('reading', () => {",
      "    test('reads', async () => {",
      `      ${PUT_MOCK}`,
      '',
      '      // the code under test',
      '      const report = await tripwire.run(async () => {',
      '        return readReport();',
      '      });',
      '',
      `      ${PUT_ASSERT}`,
      "      expect(report).toBe('hello');",
      '    });',
      '  });',
      '});',
    );
    expect(written(source)).toBe(
      lines(
        "describe('reports', () => {",
        "  describe('reading', () => {",
        "    test('reads', async () => {",
        `      ${PUT_MOCK}`,
        `      ${GET_MOCK}`,
        '',
        '      // the code under test',
        '      const report = await tripwire.run(async () => {',
        '        return readReport();',
        '      });',
        '',
        `      ${PUT_ASSERT}`,
        `      ${GET_ASSERT}`,
        "      expect(report).toBe('hello');",
        '    });',
        '  });',
        '});',
      ),
    );
  });

  test('an existing inAnyOrder block counts as an assertion; statements keep their order', () => {
    const source = lines(
      "test('t', async () => {",
      '  await tripwire.run(go);',
      '  tripwire.inAnyOrder(() => {',
      `    ${PUT_ASSERT}`,
      '  });',
      '  expect(done).toBe(true); // checked last',
      '});',
    );
    const code = { before: [PUT_MOCK, GET_MOCK], after: [PUT_ASSERT, GET_ASSERT], imports: [] };
    expect(written(source, code)).toBe(
      lines(
        "test('t', async () => {",
        `  ${PUT_MOCK}`,
        `  ${GET_MOCK}`,
        '  await tripwire.run(go);',
        '  tripwire.inAnyOrder(() => {',
        `    ${PUT_ASSERT}`,
        '  });',
        `  ${PUT_ASSERT}`,
        `  ${GET_ASSERT}`,
        '  expect(done).toBe(true); // checked last',
        '});',
      ),
    );
  });

  test('two runs in one test: the call site picks the run, and the next run bounds its assertions', () => {
    const source = lines(
      "test('t', async () => {",
      '  await tripwire.run(first);',
      `  ${PUT_ASSERT}`,
      '  await tripwire.run(second);',
      `  ${PUT_ASSERT}`,
      '});',
    );
    expect(written(source, GET_CODE, 1)).toBe(
      lines(
        "test('t', async () => {",
        `  ${GET_MOCK}`,
        '  await tripwire.run(first);',
        `  ${PUT_ASSERT}`,
        `  ${GET_ASSERT}`,
        '  await tripwire.run(second);',
        `  ${PUT_ASSERT}`,
        '});',
      ),
    );
    expect(written(source, GET_CODE, 2)).toBe(
      lines(
        "test('t', async () => {",
        '  await tripwire.run(first);',
        `  ${PUT_ASSERT}`,
        `  ${GET_MOCK}`,
        '  await tripwire.run(second);',
        `  ${PUT_ASSERT}`,
        `  ${GET_ASSERT}`,
        '});',
      ),
    );
  });

  test('tests made by test.each, test.concurrent and a run chained with then', () => {
    const source = lines(
      "test.each([1, 2])('case %d', async (n) => {",
      '  await tripwire.run(() => go(n)).then(check);',
      '});',
      "it.concurrent('c', async () => {",
      '  await tripwire.run(go);',
      '});',
    );
    expect(written(source, GET_CODE, 1)).toContain(
      `  ${GET_MOCK}\n  await tripwire.run(() => go(n)).then(check);\n  ${GET_ASSERT}\n`,
    );
    expect(written(source, GET_CODE, 2)).toContain(
      `  ${GET_MOCK}\n  await tripwire.run(go);\n  ${GET_ASSERT}\n`,
    );
  });

  test('a run assigned to a variable declared earlier, and a run inside the expect that checks its result', () => {
    const assigned = lines(
      "test('t', async () => {",
      '  let report;',
      '  report = await tripwire.run(go);',
      '});',
    );
    expect(written(assigned)).toBe(
      lines(
        "test('t', async () => {",
        '  let report;',
        `  ${GET_MOCK}`,
        '  report = await tripwire.run(go);',
        `  ${GET_ASSERT}`,
        '});',
      ),
    );
    const checked = lines(
      "test('t', async () => {",
      "  expect(await tripwire.run(go)).toBe('hello');",
      '});',
    );
    expect(written(checked)).toBe(
      lines(
        "test('t', async () => {",
        `  ${GET_MOCK}`,
        "  expect(await tripwire.run(go)).toBe('hello');",
        `  ${GET_ASSERT}`,
        '});',
      ),
    );
  });

  test('a test made by a tagged-template test.each, and a run of a verifier made by hand', () => {
    const source = lines(
      'it.each`',
      '  n',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a line of test source that holds a template
      '  ${1}',
      "`('case $n', async ({ n }) => {",
      '  const verifier = new StrictVerifier();',
      '  await verifier.run(() => go(n));',
      '});',
    );
    expect(written(source)).toContain(`  ${GET_MOCK}\n  await verifier.run(() => go(n));\n  ${GET_ASSERT}\n`);
  });

  test('a run sharing its line with another statement: lines go around the statement itself, the rest of the line after them', () => {
    const source = lines("test('t', async () => {", '  setUp(); await tripwire.run(go); tearDown();', '});');
    expect(written(source)).toBe(
      lines(
        "test('t', async () => {",
        `  setUp(); ${GET_MOCK}`,
        '  await tripwire.run(go);',
        `  ${GET_ASSERT} tearDown();`,
        '});',
      ),
    );
  });

  test('the call site may point at the start of the call, or only name the line', () => {
    const source = lines("test('t', async () => {", '  await tripwire.run(go);', '});');
    const expected = written(source);
    expect(writeMissingCode(source, { line: 2, column: 9 }, GET_CODE)).toEqual({
      text: expected,
      line: 3,
      lines: 2,
    });
    expect(writeMissingCode(source, { line: 2, column: 1 }, GET_CODE)).toEqual({
      text: expected,
      line: 3,
      lines: 2,
    });
  });

  test('nothing to write leaves the text as it was', () => {
    const source = lines("test('t', async () => {", '  await tripwire.run(go);', '});');
    expect(written(source, { before: [], after: [], imports: [] })).toBe(source);
  });
});

describe('the style of the file', () => {
  const multiLineMock = "tripwire.aws.mockCall('s3', 'GetObject', {\n  returns: { Body: 'hello' },\n});";

  test('tabs: multi-line statements are re-indented with tabs', () => {
    const source =
      "test('t', async () => {\n\tif (ready) {\n\t\tgo();\n\t}\n\tawait tripwire.run(go);\n});\n";
    expect(written(source, { before: [multiLineMock], after: [], imports: [] })).toBe(
      "test('t', async () => {\n\tif (ready) {\n\t\tgo();\n\t}\n" +
        "\ttripwire.aws.mockCall('s3', 'GetObject', {\n\t\treturns: { Body: 'hello' },\n\t});\n" +
        '\tawait tripwire.run(go);\n});\n',
    );
  });

  test('four spaces', () => {
    const source = lines(
      "test('t', async () => {",
      '    if (ready) {',
      '        go();',
      '    }',
      '    await tripwire.run(go);',
      '});',
    );
    expect(written(source, { before: [multiLineMock], after: [], imports: [] })).toContain(
      "    tripwire.aws.mockCall('s3', 'GetObject', {\n        returns: { Body: 'hello' },\n    });\n    await tripwire.run(go);",
    );
  });

  test('double quotes: every string literal is requoted, its escapes with it', () => {
    const source = lines('test("t", async () => {', '  await tripwire.run(go);', '});');
    const mock = "tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: 'it\\'s \"quoted\"' } });";
    expect(written(source, { before: [mock], after: [], imports: [] })).toContain(
      '  tripwire.aws.mockCall("s3", "GetObject", { returns: { Body: "it\'s \\"quoted\\"" } });\n',
    );
  });

  test('no semicolons: none on the written statements, nested ones included', () => {
    const source = lines("test('t', async () => {", '  const x = 1', '  await tripwire.run(go)', '})');
    const block = `tripwire.inAnyOrder(() => {\n  ${GET_ASSERT}\n});`;
    expect(written(source, { before: [GET_MOCK], after: [block], imports: [] })).toBe(
      lines(
        "test('t', async () => {",
        '  const x = 1',
        `  ${GET_MOCK.slice(0, -1)}`,
        '  await tripwire.run(go)',
        '  tripwire.inAnyOrder(() => {',
        `    ${GET_ASSERT.slice(0, -1)}`,
        '  })',
        '})',
      ),
    );
  });

  test('CRLF line endings: the written lines end with CRLF too', () => {
    const source = "test('t', async () => {\r\n  await tripwire.run(go); // act\r\n});\r\n";
    expect(written(source, { before: [multiLineMock], after: [GET_ASSERT], imports: [] })).toBe(
      "test('t', async () => {\r\n" +
        "  tripwire.aws.mockCall('s3', 'GetObject', {\r\n    returns: { Body: 'hello' },\r\n  });\r\n" +
        '  await tripwire.run(go); // act\r\n' +
        `  ${GET_ASSERT}\r\n` +
        '});\r\n',
    );
  });

  test('lines inside a template literal keep their text', () => {
    const source = lines("test('t', async () => {", '  await tripwire.run(go);', '});');
    const mock = "tripwire.aws.mockCall('s3', 'GetObject', {\n  returns: { Body: `line 1\n  line 2` },\n});";
    expect(written(source, { before: [mock], after: [], imports: [] })).toContain(
      "  tripwire.aws.mockCall('s3', 'GetObject', {\n    returns: { Body: `line 1\n  line 2` },\n  });\n",
    );
  });
});

describe('runs it refuses to write around, and why', () => {
  test('a run inside a helper function or a hook', () => {
    const source = lines(
      'async function readTwice() {',
      '  await tripwire.run(go);',
      '}',
      "test('t', async () => {",
      '  await readTwice();',
      '});',
    );
    expect(refusal(source)).toBe(
      'tripwire.run(...) (line 2, column 18) is inside the function readTwice (line 1), not directly in a test: the lines belong where that function is called, in each test that calls it. Move the run into the test, or write the lines there by hand',
    );
    const inHook = lines('beforeEach(async () => {', '  await tripwire.run(go);', '});');
    expect(refusal(inHook)).toContain(
      'is inside the function given to beforeEach (line 1), not directly in a test',
    );
    const arrowHelper = lines('const readTwice = async () => {', '  await tripwire.run(go);', '};');
    expect(refusal(arrowHelper)).toContain(
      'is inside the function readTwice (line 1), not directly in a test',
    );
  });

  test('a run that is the body of an arrow function', () => {
    expect(refusal(lines("test('t', () => tripwire.run(go));"))).toBe(
      'tripwire.run(...) is the body of an arrow function (line 1, column 26): lines can be written only around a run that is a statement of the test, like `await tripwire.run(...);` or `const result = await tripwire.run(...);`',
    );
  });

  test('a returned run, a run among others in an expression, a run in an if', () => {
    const returned = lines("test('t', () => {", '  return tripwire.run(go);', '});');
    expect(refusal(returned)).toContain(
      'the result of tripwire.run(...) is returned (line 2, column 19), so no line can follow it',
    );
    const together = lines("test('t', async () => {", '  await Promise.all([tripwire.run(a), b]);', '});');
    expect(refusal(together)).toContain(
      'tripwire.run(...) is inside an array expression (line 2, column 31)',
    );
    const inIf = lines(
      "test('t', async () => {",
      '  if (ready) {',
      '    await tripwire.run(go);',
      '  }',
      '});',
    );
    expect(refusal(inIf)).toBe(
      "tripwire.run(...) (line 3, column 20) is inside an if statement: lines can be written only around a run directly in a test's body",
    );
  });

  test('no run call at the site, and a file that does not parse', () => {
    const source = lines("test('t', async () => {", '  await tripwire.run(go);', '});');
    expect(writeMissingCode(source, { line: 1, column: 1 }, GET_CODE)).toEqual({
      reason: 'found no run call at line 1, column 1: the file may have changed since the test ran',
    });
    expect(writeMissingCode('test(', runSite('x.run('), GET_CODE)).toEqual({
      reason: expect.stringMatching(/^the file does not parse: /),
    });
  });

  test('a line to write that is not a statement', () => {
    const source = lines("test('t', async () => {", '  await tripwire.run(go);', '});');
    expect(refusal(source, { before: ['tripwire.aws.mockCall('], after: [], imports: [] })).toMatch(
      /^a line to write is not a statement \(/,
    );
  });
});
