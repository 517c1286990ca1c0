/**
 * Writing a test's missing lines into its source: the statements for before its run, inserted just above
 * the run statement, and those for after it, below the last statement after the run that already makes
 * one of their calls (assertions match in order). Only insertions at offsets of the original text: the
 * file is never reprinted.
 */
import { type CodeStyle, detectStyle, formatStatement } from './formatting';
import { type ImportNeed, type Insertion, importInsertions } from './imports';
import { lineOf, locateRunStatement, type SourcePosition } from './run-statement';
import {
  calleeName,
  child,
  children,
  isFunction,
  type ParsedFile,
  parseSource,
  type SyntaxNode,
  walk,
} from './syntax';

/** The code a test lacks, as the verifier produced it (statements in the 2-space, single-quote style). */
export interface MissingCode {
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly imports: readonly ImportNeed[];
}

/** Where lines go for one run, against the original text. */
export interface Placement {
  readonly insertions: readonly Insertion[];
  /** Offset of the run statement in the original text. */
  readonly runOffset: number;
}

export type Planned = { readonly placement: Placement } | { readonly reason: string };

export type Written =
  | { readonly text: string; readonly line: number; readonly lines: number }
  | { readonly reason: string };

/** The file's text with the missing code around the run at `position`, or why it cannot be written. */
export function writeMissingCode(source: string, position: SourcePosition, code: MissingCode): Written {
  let file: ParsedFile;
  try {
    file = parseSource(source);
  } catch (error) {
    return { reason: `the file does not parse: ${(error as Error).message}` };
  }
  const style = detectStyle(source, file);
  const planned = planMissingCode(source, file, position, code, style);
  if ('reason' in planned) return planned;
  const insertions = [
    ...planned.placement.insertions,
    ...importInsertions(source, file, code.imports, style),
  ];
  return finish(source, insertions, planned.placement.runOffset);
}

/** Applies insertions and checks the result still parses; `line` is where the run statement now is. */
export function finish(source: string, insertions: readonly Insertion[], runOffset: number): Written {
  const text = applyInsertions(source, insertions);
  try {
    parseSource(text);
  } catch (error) {
    return { reason: `the lines written would not parse (${(error as Error).message}); nothing was written` };
  }
  const added = insertions.reduce((sum, { text: inserted }) => sum + (inserted.split('\n').length - 1), 0);
  const above = insertions
    .filter((insertion) => insertion.offset <= runOffset)
    .reduce((sum, { text: inserted }) => sum + (inserted.split('\n').length - 1), 0);
  return { text, line: lineOf(source, runOffset) + above, lines: added };
}

/** Insertions at offsets of `source`, applied from the last so that earlier offsets stay valid. */
export function applyInsertions(source: string, insertions: readonly Insertion[]): string {
  // Stable for equal offsets: what was listed first stays first.
  const ordered = insertions.map((insertion, index) => ({ ...insertion, index }));
  ordered.sort((a, b) => b.offset - a.offset || b.index - a.index);
  let text = source;
  for (const { offset, text: inserted } of ordered)
    text = text.slice(0, offset) + inserted + text.slice(offset);
  return text;
}

/** Where the before and after statements of one run go, or why they cannot. */
export function planMissingCode(
  source: string,
  file: ParsedFile,
  position: SourcePosition,
  code: MissingCode,
  style: CodeStyle,
): Planned {
  const located = locateRunStatement(file.program, source, position);
  if ('reason' in located) return located;
  const { call, statement, block } = located.found;
  const indent = indentOf(source, statement.start);
  const insertions: Insertion[] = [];
  try {
    if (code.before.length > 0) {
      const lines = code.before.map((line) => formatStatement(line, style, indent));
      const anchor = lastCalling(
        neighbours(source, block, statement, call, 'before'),
        namesCalledBy(code.before),
      );
      insertions.push(
        anchor === undefined
          ? insertBefore(source, leadingStart(source, statement, block), lines, style, indent)
          : insertAfter(source, anchor, lines, style),
      );
    }
    if (code.after.length > 0) {
      const lines = code.after.map((line) => formatStatement(line, style, indent));
      const anchor = lastCalling(
        neighbours(source, block, statement, call, 'after'),
        namesCalledBy(code.after),
      );
      insertions.push(insertAfter(source, anchor ?? statement, lines, style));
    }
  } catch (error) {
    return { reason: `a line to write is not a statement (${(error as Error).message})` };
  }
  return { placement: { insertions, runOffset: statement.start } };
}

/** The whitespace before the statement on its line (or the line's own indentation if code precedes it). */
function indentOf(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart, offset))![0];
}

/** The statement's start, or that of its comments on the lines above it (they stay with it). */
function leadingStart(source: string, statement: SyntaxNode, block: SyntaxNode): number {
  const siblings = children(block, 'body');
  const previous = siblings[siblings.indexOf(statement) - 1];
  const after = previous?.end ?? block.start + 1;
  const comments = (statement.leadingComments ?? []).filter(
    (comment) => comment.start >= after && source.slice(after, comment.start).includes('\n'),
  );
  return comments[0]?.start ?? statement.start;
}

function insertBefore(
  source: string,
  offset: number,
  lines: string[],
  style: CodeStyle,
  indent: string,
): Insertion {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  if (source.slice(lineStart, offset).trim() === '') {
    return { offset: lineStart, text: lines.map((line) => `${line}${style.eol}`).join('') };
  }
  return { offset, text: lines.map((line) => `${line.slice(indent.length)}${style.eol}${indent}`).join('') };
}

function insertAfter(source: string, anchor: SyntaxNode, lines: string[], style: CodeStyle): Insertion {
  let lineEnd = source.indexOf('\n', anchor.end);
  if (lineEnd < 0) lineEnd = source.length;
  else if (source[lineEnd - 1] === '\r') lineEnd--;
  const rest = source.slice(anchor.end, lineEnd);
  // A trailing comment stays with the anchor; code after it on the line follows the last new line.
  const offset = /^\s*(\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest) ? lineEnd : anchor.end;
  return { offset, text: lines.map((line) => `${style.eol}${line}`).join('') };
}

/**
 * The statements of the block on one side of the run statement, as far as the block's previous (or next) run
 * with the same callee: where the run's own registrations (or assertions) are.
 */
function neighbours(
  source: string,
  block: SyntaxNode,
  statement: SyntaxNode,
  call: SyntaxNode,
  side: 'before' | 'after',
): SyntaxNode[] {
  const runCallee = source.slice(call.start, child(call, 'callee')!.end);
  const siblings = children(block, 'body');
  const at = siblings.indexOf(statement);
  const ordered = side === 'after' ? siblings.slice(at + 1) : siblings.slice(0, at).reverse();
  const end = ordered.findIndex((sibling) =>
    callsIn(sibling).some((node) => source.slice(node.start, child(node, 'callee')!.end) === runCallee),
  );
  const kept = end < 0 ? ordered : ordered.slice(0, end);
  return side === 'after' ? kept : kept.reverse();
}

/** The last of the statements that already makes one of the calls the new lines make. */
function lastCalling(statements: readonly SyntaxNode[], names: ReadonlySet<string>): SyntaxNode | undefined {
  const calling = statements.filter((node) =>
    callsIn(node).some((call) => names.has(calleeName(child(call, 'callee')) ?? '')),
  );
  return calling.at(-1);
}

function callsIn(node: SyntaxNode): SyntaxNode[] {
  return [...walk(node)].map(({ node: inner }) => inner).filter((inner) => inner.type === 'CallExpression');
}

/** The names of the calls the statements make at their top, and at the top of the functions they pass. */
function namesCalledBy(statements: readonly string[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: SyntaxNode): void => {
    let expression = node.type === 'ExpressionStatement' ? child(node, 'expression') : node;
    if (expression?.type === 'AwaitExpression') expression = child(expression, 'argument');
    if (expression?.type !== 'CallExpression') return;
    const name = calleeName(child(expression, 'callee'));
    if (name !== undefined) names.add(name);
    for (const argument of children(expression, 'arguments').filter(isFunction)) {
      const body = child(argument, 'body')!;
      if (body.type === 'BlockStatement') children(body, 'body').forEach(visit);
      else visit(body);
    }
  };
  for (const statement of statements) children(parseSource(statement).program, 'body').forEach(visit);
  return names;
}
