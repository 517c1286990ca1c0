import { Readable } from 'node:stream';
import { didYouMean } from '../../../util/did-you-mean';
import { isPlainObject } from '../../../util/values';
import { unknownMemberProblem, wrongKindProblem } from '../messages/validation-problems';
import type { OperationModel, SchemaNode } from './service-model';

const membersByStruct = new WeakMap<SchemaNode, Map<string, SchemaNode>>();

/** Members of the output the operation does not have, and values of the wrong kind. */
export function outputProblems(model: OperationModel, output: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(output)) {
    if (key === '$metadata' || value === undefined) continue;
    const member = members(model.output).get(key);
    if (member === undefined) problems.push(unknownMember(key, model.output, 'output'));
    else if (!model.topLevelOnly) checkKind(member, value, key, problems);
  }
  return problems;
}

/**
 * Request params the operation does not have: the real SDK drops them silently. `tolerated` names top-level
 * params that SDK helpers pass on purpose (lib-storage hands PutObject's params to every multipart call).
 */
export function paramProblems(
  model: OperationModel,
  params: unknown,
  tolerated?: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (!isPlainObject(params)) return problems;
  const checked = tolerated === undefined ? params : withoutKeys(params, tolerated, model.input);
  checkMembers(model.input, checked, '', problems, !model.topLevelOnly);
  return problems;
}

/**
 * The fast check run on every call: whether the params name anything the operation does not have;
 * `paramProblems` then says what, in the rare case that something is wrong. Calls in a loop repeat one
 * set of keys in one order, so each key is first compared with the key seen at its position last time
 * (the same string, for keys from one object literal) before the member map is consulted. Once the
 * order repeats, the check allocates nothing.
 */
export function hasUnknownParams(
  model: OperationModel,
  params: unknown,
  tolerated?: ReadonlySet<string>,
): boolean {
  if (!isPlainObject(params)) return false;
  const recent = model.recentParams;
  let position = -1;
  for (const key in params) {
    position++;
    const value = params[key];
    if (value === undefined) continue;
    let member: SchemaNode | undefined;
    if (recent.keys[position] === key) {
      member = recent.members[position];
    } else {
      member = members(model.input).get(key);
      if (member !== undefined) {
        recent.keys[position] = key;
        recent.members[position] = member;
      }
    }
    if (member === undefined) {
      if (tolerated?.has(key) !== true) return true;
    } else if (
      !model.topLevelOnly &&
      typeof value === 'object' &&
      value !== null &&
      hasUnknownNested(member, value)
    ) {
      return true;
    }
  }
  return false;
}

function hasUnknownNested(node: SchemaNode, value: object): boolean {
  if (Array.isArray(value)) {
    if (!node.isListSchema()) return false;
    const item = node.getValueSchema();
    for (const element of value) {
      if (typeof element === 'object' && element !== null && hasUnknownNested(item, element)) return true;
    }
    return false;
  }
  if (!isPlainObject(value)) return false;
  if (node.isMapSchema()) {
    const item = node.getValueSchema();
    for (const key in value) {
      const element = value[key];
      if (typeof element === 'object' && element !== null && hasUnknownNested(item, element)) return true;
    }
    return false;
  }
  if (!node.isStructSchema() && !node.isUnionSchema?.()) return false;
  const own = members(node);
  for (const key in value) {
    const element = value[key];
    if (element === undefined) continue;
    const member = own.get(key);
    if (member === undefined) return true;
    if (typeof element === 'object' && element !== null && hasUnknownNested(member, element)) return true;
  }
  return false;
}

/** Top-level members of a structure, for callers that tolerate another operation's params. */
export function memberNames(struct: SchemaNode): ReadonlySet<string> {
  return new Set(members(struct).keys());
}

function withoutKeys(params: Record<string, unknown>, tolerated: ReadonlySet<string>, input: SchemaNode) {
  const own = members(input);
  return Object.fromEntries(Object.entries(params).filter(([key]) => own.has(key) || !tolerated.has(key)));
}

function checkMembers(
  struct: SchemaNode,
  value: Record<string, unknown>,
  path: string,
  problems: string[],
  deep: boolean,
): void {
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const member = members(struct).get(key);
    const memberPath = path === '' ? key : `${path}.${key}`;
    if (member === undefined) problems.push(unknownMember(memberPath, struct, 'input'));
    else if (deep) checkNestedMembers(member, item, memberPath, problems);
  }
}

function checkNestedMembers(node: SchemaNode, value: unknown, path: string, problems: string[]): void {
  if ((node.isStructSchema() || node.isUnionSchema?.()) && isPlainObject(value)) {
    checkMembers(node, value, path, problems, true);
  } else if (node.isListSchema() && Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      checkNestedMembers(node.getValueSchema(), item, `${path}[${index}]`, problems);
    }
  } else if (node.isMapSchema() && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      checkNestedMembers(node.getValueSchema(), item, `${path}.${key}`, problems);
    }
  }
}

function checkKind(node: SchemaNode, value: unknown, path: string, problems: string[]): void {
  if (value === undefined || value === null) return;
  const wrong = (expected: string) => problems.push(wrongKindProblem(path, expected, value));
  // A stream given for a blob (Lambda Payload) is refused at registration whether or not validation is on.
  if (node.isStreaming() || node.isBlobSchema()) {
    if (!isPayload(value)) wrong('a string, bytes or a stream');
  } else if (node.isStructSchema() || node.isUnionSchema?.()) {
    if (!isPlainObject(value)) return void wrong('an object');
    for (const [key, item] of Object.entries(value)) {
      const member = members(node).get(key);
      if (member === undefined) problems.push(unknownMember(`${path}.${key}`, node, 'structure'));
      else checkKind(member, item, `${path}.${key}`, problems);
    }
  } else if (node.isListSchema()) {
    if (!Array.isArray(value)) return void wrong('an array');
    for (const [index, item] of value.entries())
      checkKind(node.getValueSchema(), item, `${path}[${index}]`, problems);
  } else if (node.isMapSchema()) {
    if (!isPlainObject(value)) return void wrong('an object (a map)');
    for (const [key, item] of Object.entries(value))
      checkKind(node.getValueSchema(), item, `${path}.${key}`, problems);
  } else if (node.isStringSchema()) {
    if (typeof value !== 'string') wrong('a string');
  } else if (node.isNumericSchema()) {
    if (typeof value !== 'number') wrong('a number');
  } else if (node.isBooleanSchema()) {
    if (typeof value !== 'boolean') wrong('a boolean');
  } else if (node.isTimestampSchema()) {
    if (!(value instanceof Date)) wrong('a Date');
  }
}

function members(struct: SchemaNode): Map<string, SchemaNode> {
  let found = membersByStruct.get(struct);
  if (found === undefined) {
    found = new Map(struct.isStructSchema() || struct.isUnionSchema?.() ? struct.structIterator() : []);
    membersByStruct.set(struct, found);
  }
  return found;
}

function unknownMember(path: string, struct: SchemaNode, where: string): string {
  const name = path.slice(path.lastIndexOf('.') + 1);
  return unknownMemberProblem(path, where, didYouMean(name, members(struct).keys()));
}

function isPayload(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    value instanceof Uint8Array ||
    value instanceof Readable ||
    typeof (value as { transformToString?: unknown }).transformToString === 'function'
  );
}
