/** A file's style read from its code, and statements written in it. */
import { describe, expect, test } from '@jest/globals';
import { type CodeStyle, detectStyle, formatStatement, requote } from '../../src/update-mode/formatting';
import { parseSource } from '../../src/update-mode/syntax';

const styleOf = (source: string) => detectStyle(source, parseSource(source));
const STYLE: CodeStyle = { indentUnit: '  ', quote: "'", semicolons: true, eol: '\n' };

describe('detectStyle', () => {
  test('the indent unit is the most common step between lines; tabs when most lines start with one', () => {
    expect(styleOf('if (a) {\n    b();\n    if (c) {\n        d();\n    }\n}\n').indentUnit).toBe('    ');
    expect(styleOf('if (a) {\n  b();\n}\n').indentUnit).toBe('  ');
    expect(styleOf('if (a) {\n\tb();\n\tc();\n}\n').indentUnit).toBe('\t');
    expect(styleOf('a();\n').indentUnit).toBe('  ');
  });

  test('quotes: the majority of the literals that could have used either; single on a tie', () => {
    expect(styleOf(`a("x", "y", 'z');`).quote).toBe('"');
    expect(styleOf(`a("it's", "it's", 'z');`).quote).toBe("'");
    expect(styleOf(`a("x", 'y');`).quote).toBe("'");
  });

  test("semicolons: the majority of statements; a for loop's head does not count", () => {
    expect(styleOf('a()\nb()\nc();\n').semicolons).toBe(false);
    expect(styleOf('for (let i = 0; i < 1; i++) a()\nb()\n').semicolons).toBe(false);
    expect(styleOf('a();\nb()\n').semicolons).toBe(true);
  });

  test('line endings: CRLF when most lines end with it', () => {
    expect(styleOf('a();\r\nb();\r\nc();\n').eol).toBe('\r\n');
    expect(styleOf('a();\r\nb();\nc();\n').eol).toBe('\n');
    expect(styleOf('a();').eol).toBe('\n');
  });
});

describe('requote', () => {
  test('to double quotes: escaped single quotes freed, double quotes escaped, other escapes kept', () => {
    expect(requote(`'it\\'s "x" \\n \\\\'`, '"')).toBe(`"it's \\"x\\" \\n \\\\"`);
  });

  test('to single quotes, the other way round; a literal already in the quote is left alone', () => {
    expect(requote(`"it's \\"x\\""`, "'")).toBe(`'it\\'s "x"'`);
    expect(requote(`'x'`, "'")).toBe(`'x'`);
  });
});

describe('formatStatement', () => {
  test('continuation lines: two spaces a level become the file unit under the indent; an odd space is kept', () => {
    const statement = 'call({\n  a: {\n    b: 1,\n   odd: 2,\n  },\n});';
    expect(formatStatement(statement, { ...STYLE, indentUnit: '\t' }, '\t\t')).toBe(
      '\t\tcall({\n\t\t\ta: {\n\t\t\t\tb: 1,\n\t\t\t odd: 2,\n\t\t\t},\n\t\t});',
    );
  });

  test('without semicolons: statement ends lose theirs, a for loop head keeps its own', () => {
    expect(
      formatStatement('for (let i = 0; i < 2; i++) {\n  go();\n}', { ...STYLE, semicolons: false }, ''),
    ).toBe('for (let i = 0; i < 2; i++) {\n  go()\n}');
  });

  test('CRLF files get CRLF between the lines; blank lines stay blank', () => {
    expect(formatStatement('a({\n\n  b: 1,\n});', { ...STYLE, eol: '\r\n' }, '  ')).toBe(
      '  a({\r\n\r\n    b: 1,\r\n  });',
    );
  });

  test('text that is not a statement throws the parser error', () => {
    expect(() => formatStatement('a(', STYLE, '')).toThrow(SyntaxError);
  });
});
