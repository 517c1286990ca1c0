/**
 * Finding the statement of a test that holds the run call at a call site, and saying why lines cannot be
 * written around it when they cannot.
 */
import { calleeName, child, children, isFunction, type SyntaxNode, walk } from './syntax';

/** A position as stack traces give it: both 1-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface RunStatement {
  /** The run call itself. */
  readonly call: SyntaxNode;
  /** The statement of the test's body that holds it. */
  readonly statement: SyntaxNode;
  /** The body (a block) the statement is in. */
  readonly block: SyntaxNode;
}

export type Located = { readonly found: RunStatement } | { readonly reason: string };

/** The verifier's method that opens a sandbox. */
const RUN = 'run';

/** Functions whose function argument is a test: `test(...)`, `it(...)`, `it.each(...)(...)`, `test.concurrent(...)`. */
const TEST_FUNCTIONS = new Set(['test', 'it']);

/** Links from a node to its parent through which lines around the parent statement still run in order. */
function passesThrough(node: SyntaxNode, parent: SyntaxNode): boolean {
  switch (parent.type) {
    case 'AwaitExpression':
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'VariableDeclarator':
    case 'VariableDeclaration':
    case 'ExpressionStatement':
      return true;
    case 'AssignmentExpression':
      return child(parent, 'right') === node;
    case 'MemberExpression':
      return child(parent, 'object') === node;
    case 'CallExpression':
      return children(parent, 'arguments').includes(node) || child(parent, 'callee') === node;
    default:
      return false;
  }
}

export function lineOf(source: string, offset: number): number {
  let line = 1;
  for (
    let index = source.indexOf('\n');
    index >= 0 && index < offset;
    index = source.indexOf('\n', index + 1)
  )
    line++;
  return line;
}

function offsetOf(source: string, position: SourcePosition): number | undefined {
  let start = 0;
  for (let line = 1; line < position.line; line++) {
    start = source.indexOf('\n', start) + 1;
    if (start === 0) return undefined;
  }
  return start + position.column - 1;
}

/** The run call at the position: the innermost call whose callee's name (or whose start) is there. */
function callAt(program: SyntaxNode, source: string, position: SourcePosition): SyntaxNode[] | undefined {
  const offset = offsetOf(source, position);
  let best: SyntaxNode[] | undefined;
  const sameLine: SyntaxNode[][] = [];
  for (const { node, ancestors } of walk(program)) {
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') continue;
    const callee = child(node, 'callee')!;
    const name = child(callee, 'property') ?? callee;
    if (calleeName(callee) !== RUN) continue;
    const hit = offset === node.start || (offset !== undefined && name.start <= offset && offset < name.end);
    if (hit) best = [...ancestors, node];
    if (lineOf(source, name.start) === position.line) sameLine.push([...ancestors, node]);
  }
  return best ?? (sameLine.length === 1 ? sameLine[0] : undefined);
}

/** The run statement at a call site of the run in `source`, or why lines cannot be placed around it. */
export function locateRunStatement(program: SyntaxNode, source: string, position: SourcePosition): Located {
  const where = `line ${position.line}, column ${position.column}`;
  const path = callAt(program, source, position);
  if (path === undefined) {
    return { reason: `found no run call at ${where}: the file may have changed since the test ran` };
  }
  const call = path.at(-1)!;
  const code = source.slice(call.start, child(call, 'callee')!.end);
  let index = path.length - 1;
  while (index > 0 && passesThrough(path[index]!, path[index - 1]!)) index--;
  const statement = path[index]!;
  const parent = path[index - 1];
  if (parent?.type === 'ReturnStatement') {
    return {
      reason: `the result of ${code}(...) is returned (${where}), so no line can follow it: write \`await ${code}(...);\` and put what it returned in a variable`,
    };
  }
  if (parent === undefined || !/Statement$|Declaration$/.test(statement.type)) {
    const inside =
      parent === undefined
        ? 'is not in a test'
        : isFunction(parent)
          ? 'is the body of an arrow function'
          : `is inside ${article(parent.type)}`;
    return {
      reason: `${code}(...) ${inside} (${where}): lines can be written only around a run that is a statement of the test, like \`await ${code}(...);\` or \`const result = await ${code}(...);\``,
    };
  }
  const owner = path[index - 2];
  if (parent.type === 'Program')
    return { reason: `${code}(...) (${where}) is not in a test: it is at the top level of the file` };
  if (parent.type !== 'BlockStatement' || owner === undefined || !isFunction(owner)) {
    return {
      reason: `${code}(...) (${where}) is inside ${article(blockKind(parent, owner))}: lines can be written only around a run directly in a test's body`,
    };
  }
  const test = path[index - 3];
  if (test === undefined || !isTestCall(test, owner)) {
    return {
      reason: `${code}(...) (${where}) is inside ${functionName(owner, test)}, not directly in a test: the lines belong where that function is called, in each test that calls it. Move the run into the test, or write the lines there by hand`,
    };
  }
  return { found: { call, statement, block: parent } };
}

function isTestCall(node: SyntaxNode, fn: SyntaxNode): boolean {
  if (node.type !== 'CallExpression' || !children(node, 'arguments').includes(fn)) return false;
  let callee: SyntaxNode | undefined = child(node, 'callee');
  while (callee !== undefined && callee.type !== 'Identifier') {
    callee = child(
      callee,
      callee.type === 'CallExpression'
        ? 'callee'
        : callee.type === 'TaggedTemplateExpression'
          ? 'tag'
          : 'object',
    );
  }
  return callee !== undefined && TEST_FUNCTIONS.has(callee.name as string);
}

/** `IfStatement`, or `BlockStatement` when the block is an if's, a loop's or a try's. */
function blockKind(parent: SyntaxNode, owner: SyntaxNode | undefined): string {
  return parent.type === 'BlockStatement' && owner !== undefined ? owner.type : parent.type;
}

function functionName(fn: SyntaxNode, parent: SyntaxNode | undefined): string {
  const id =
    child(fn, 'id') ??
    child(fn, 'key') ??
    (parent?.type === 'VariableDeclarator' ? child(parent, 'id') : undefined);
  const name = id?.type === 'Identifier' ? (id.name as string) : undefined;
  const line = fn.loc.start.line;
  if (name !== undefined) return `the function ${name} (line ${line})`;
  const caller = parent?.type === 'CallExpression' ? calleeName(child(parent, 'callee')) : undefined;
  return caller === undefined
    ? `a function (line ${line})`
    : `the function given to ${caller} (line ${line})`;
}

/** `IfStatement` → `an if statement`. */
function article(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`;
}
