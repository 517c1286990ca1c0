/**
 * The parser of update mode, loaded on first use: normal runs never load it. Nodes are seen through a
 * minimal shape of our own, so no parser type leaks into the package's declarations.
 */

/** A syntax node: its kind, its offsets in the source, and its children under their property names. */
export interface SyntaxNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly loc: { readonly start: { readonly line: number; readonly column: number } };
  readonly extra?: { readonly raw?: string; readonly parenthesized?: boolean };
  readonly leadingComments?: readonly SyntaxNode[] | null;
  readonly [property: string]: unknown;
}

/** A parsed file: its program, and its comments. */
export interface ParsedFile {
  readonly program: SyntaxNode;
  readonly comments: readonly SyntaxNode[];
}

interface Parser {
  parse(source: string, options: object): { program: unknown; comments?: unknown };
}

let parser: Parser | undefined;

/** `@babel/parser`, required the first time update mode parses a file. */
function loadParser(): Parser {
  parser ??= require('@babel/parser') as Parser;
  return parser;
}

/** Parses TypeScript (JSX off); throws the parser's SyntaxError, with its position, on code it cannot read. */
export function parseSource(source: string): ParsedFile {
  const file = loadParser().parse(source, {
    sourceType: 'module',
    plugins: ['typescript'],
    allowAwaitOutsideFunction: true,
    allowReturnOutsideFunction: true,
    allowImportExportEverywhere: true,
    attachComment: true,
  });
  return { program: file.program as SyntaxNode, comments: (file.comments ?? []) as SyntaxNode[] };
}

/** Whether the text parses as TypeScript. */
export function parses(source: string): boolean {
  try {
    parseSource(source);
    return true;
  } catch {
    return false;
  }
}

const NOT_CHILDREN = new Set(['loc', 'extra', 'leadingComments', 'trailingComments', 'innerComments']);

export function isNode(value: unknown): value is SyntaxNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/** The direct child nodes of a node, in source order. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (NOT_CHILDREN.has(key)) continue;
    if (Array.isArray(value)) children.push(...value.filter(isNode));
    else if (isNode(value)) children.push(value);
  }
  return children.sort((a, b) => a.start - b.start);
}

/** Every node under `root` (itself included), each with the chain of its ancestors, outermost first. */
export function* walk(
  root: SyntaxNode,
  ancestors: readonly SyntaxNode[] = [],
): Generator<{ node: SyntaxNode; ancestors: readonly SyntaxNode[] }> {
  yield { node: root, ancestors };
  const inner = [...ancestors, root];
  for (const child of childrenOf(root)) yield* walk(child, inner);
}

/** A child node by property name, when it is one. */
export function child(node: SyntaxNode, property: string): SyntaxNode | undefined {
  const value = node[property];
  return isNode(value) ? value : undefined;
}

/** A list of child nodes by property name. */
export function children(node: SyntaxNode, property: string): SyntaxNode[] {
  const value = node[property];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** The last name of a callee: `run` for `tripwire.run`, `test` for `test`, undefined for anything else. */
export function calleeName(callee: SyntaxNode | undefined): string | undefined {
  if (callee === undefined) return undefined;
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') {
    const property = child(callee, 'property');
    if (property?.type === 'Identifier' && callee.computed !== true) return property.name as string;
  }
  return undefined;
}

/** Whether a node is a function of any kind. */
export function isFunction(node: SyntaxNode): boolean {
  return /Function|Method/.test(node.type) && node.type !== 'TSDeclareFunction';
}
