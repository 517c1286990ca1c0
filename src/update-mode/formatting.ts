/**
 * The style of a file (indentation, quotes, semicolons, line endings), read from its own code, and
 * statements written in that style.
 */
import { type ParsedFile, parseSource, type SyntaxNode, walk } from './syntax';

export interface CodeStyle {
  /** One level of indentation: `'\t'`, `'  '`, `'    '`. */
  readonly indentUnit: string;
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
  readonly eol: '\n' | '\r\n';
}

/** Statements that end with a semicolon in a file that uses them. */
const SEMICOLON_STATEMENTS = new Set([
  'ExpressionStatement',
  'VariableDeclaration',
  'ImportDeclaration',
  'ReturnStatement',
  'ThrowStatement',
]);

export function detectStyle(source: string, file: ParsedFile): CodeStyle {
  const lineCount = source.split('\n').length - 1;
  const crlfCount = source.split('\r\n').length - 1;
  return {
    indentUnit: detectIndentUnit(source),
    quote: detectQuote(file.program),
    semicolons: detectSemicolons(source, file.program),
    eol: lineCount > 0 && crlfCount * 2 > lineCount ? '\r\n' : '\n',
  };
}

function detectIndentUnit(source: string): string {
  const indents = source
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)![0]);
  const tabbed = indents.filter((indent) => indent.startsWith('\t')).length;
  const spaced = indents.filter((indent) => indent.startsWith(' ')).length;
  if (tabbed > spaced) return '\t';
  const steps = new Map<number, number>();
  let previous = 0;
  for (const indent of indents) {
    if (indent.includes('\t')) continue;
    const step = indent.length - previous;
    if (step > 0 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = indent.length;
  }
  const [mostCommon] = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ' '.repeat(mostCommon?.[0] ?? 2);
}

/** Counted over string literals that contain neither quote, so that the choice was free. */
function detectQuote(program: SyntaxNode): "'" | '"' {
  let single = 0;
  let double = 0;
  for (const { node } of walk(program)) {
    const raw = node.type === 'StringLiteral' ? node.extra?.raw : undefined;
    if (raw === undefined || /['"]/.test(raw.slice(1, -1))) continue;
    if (raw.startsWith('"')) double++;
    else single++;
  }
  return double > single ? '"' : "'";
}

function detectSemicolons(source: string, program: SyntaxNode): boolean {
  let withSemicolon = 0;
  let without = 0;
  for (const { node, ancestors } of walk(program)) {
    if (!SEMICOLON_STATEMENTS.has(node.type) || /^For/.test(ancestors.at(-1)?.type ?? '')) continue;
    if (source[node.end - 1] === ';') withSemicolon++;
    else without++;
  }
  return withSemicolon >= without;
}

/** A string literal's source written with the other quote: `'say "hi"'` → `"say \"hi\""`. */
export function requote(raw: string, quote: "'" | '"'): string {
  const opening = raw[0];
  if (opening === quote || (opening !== "'" && opening !== '"')) return raw;
  let body = '';
  const content = raw.slice(1, -1);
  for (let index = 0; index < content.length; index++) {
    const char = content[index]!;
    if (char === '\\') {
      const next = content[index + 1] ?? '';
      body += next === opening ? next : `\\${next}`;
      index++;
    } else body += char === quote ? `\\${char}` : char;
  }
  return `${quote}${body}${quote}`;
}

interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** Offsets of the line starts inside a string or template literal: their leading whitespace is content. */
function linesInsideLiterals(statement: string, program: SyntaxNode): Set<number> {
  const inside = new Set<number>();
  const literals = [...walk(program)]
    .map(({ node }) => node)
    .filter((node) => node.type === 'TemplateLiteral' || node.type === 'StringLiteral');
  let lineStart = statement.indexOf('\n') + 1;
  for (let line = 1; lineStart > 0; line++) {
    if (literals.some((literal) => literal.start < lineStart && lineStart < literal.end)) inside.add(line);
    lineStart = statement.indexOf('\n', lineStart) + 1;
  }
  return inside;
}

/**
 * One emitted statement (2-space inner indentation, single quotes, semicolons) in the file's style,
 * every line indented by `indent` plus its own depth. Throws the parser's error if it is not a statement.
 */
export function formatStatement(statement: string, style: CodeStyle, indent: string): string {
  const text = statement.replace(/\r\n/g, '\n').trim();
  const { program } = parseSource(text);
  const edits: TextEdit[] = [];
  for (const { node, ancestors } of walk(program)) {
    if (node.type === 'StringLiteral' && node.extra?.raw !== undefined) {
      const requoted = requote(node.extra.raw, style.quote);
      if (requoted !== node.extra.raw) edits.push({ start: node.start, end: node.end, text: requoted });
    }
    const inForHead = /^For/.test(ancestors.at(-1)?.type ?? '');
    if (
      !style.semicolons &&
      SEMICOLON_STATEMENTS.has(node.type) &&
      !inForHead &&
      text[node.end - 1] === ';'
    ) {
      edits.push({ start: node.end - 1, end: node.end, text: '' });
    }
  }
  const literalLines = linesInsideLiterals(text, program);
  return applyTextEdits(text, edits)
    .split('\n')
    .map((line, index) => (literalLines.has(index) ? line : reindent(line, style.indentUnit, indent)))
    .join(style.eol);
}

/** A line indented with 2 spaces a level, re-indented with the file's unit under `indent`. */
function reindent(line: string, unit: string, indent: string): string {
  if (line.trim() === '') return '';
  const spaces = /^ */.exec(line)![0].length;
  return indent + unit.repeat(Math.floor(spaces / 2)) + ' '.repeat(spaces % 2) + line.slice(spaces);
}
