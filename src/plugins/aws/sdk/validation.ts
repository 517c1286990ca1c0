import { Readable } from 'node:stream';
import { closestMatches, didYouMean } from '../../../util/did-you-mean';
import { isPlainObject } from '../../../util/values';
import {
  missingMemberProblem,
  noteProblemKinds,
  unknownMemberProblem,
  wrongKindProblem,
} from '../messages/validation-problems';
import {
  type InputMember,
  lacksRequired,
  type MissingMember,
  mapPath,
  missingMembers,
  type RequiredPlan,
  requiredPlan,
} from './required-members';
import type { OperationModel, SchemaNode } from './service-model';

const membersByStruct = new WeakMap<SchemaNode, Map<string, SchemaNode>>();
const valueSchemas = new WeakMap<SchemaNode, SchemaNode>();

/**
 * Members of the output the operation does not have, values of the wrong kind, and required members missing
 * from the structures the output gives. The top level is left partial on purpose: a mock returns what the
 * code reads, and real responses omit empty required lists (S3 `TagSet`, SQS `Failed`) in some protocols.
 */
export function outputProblems(model: OperationModel, output: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(output)) {
    if (key === '$metadata' || value === undefined) continue;
    const member = members(model.output).get(key);
    if (member === undefined) problems.push(unknownMember(key, model.output, 'output'));
    else if (!model.topLevelOnly) checkKind(member, value, key, problems);
  }
  const plan = requiredPlan(model.output);
  plan?.nested.forEach((name, index) => {
    const value = output[name];
    if (value === undefined) return;
    for (const missing of missingMembers(plan.nestedPlans[index]!, value, model.topLevelOnly, name)) {
      problems.push(missingMemberProblem(missing, missing.owner.getName?.(), missing.member, 'output'));
    }
  });
  return problems;
}

/**
 * Request params the operation does not have (the real SDK drops them silently), and required members the
 * params lack at any depth (the real service refuses the request). `tolerated` names top-level params that
 * SDK helpers pass on purpose (lib-storage hands PutObject's params to every multipart call).
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
  const unknownCount = problems.length;
  if (model.required !== undefined)
    addMissing(model.required, params, model.topLevelOnly, 'params', problems);
  noteProblemKinds(problems, unknownCount > 0, problems.length > unknownCount);
  return problems;
}

/**
 * The fast check run on every call: whether the params name anything the operation does not have, or lack
 * a member it requires; `paramProblems` then says what, in the rare case that something is wrong. Calls in
 * a loop repeat one set of keys in one order, so each key is first compared with the key seen at its
 * position last time (the same string, for keys from one object literal) before the member map is
 * consulted. Once the order repeats, the check allocates nothing. Required top-level members are counted
 * on the way; below the top, only members whose shape can hold a required member are walked (a plan
 * compiled once per shape).
 */
export function hasUnknownParams(
  model: OperationModel,
  params: unknown,
  tolerated?: ReadonlySet<string>,
): boolean {
  if (!isPlainObject(params)) return false;
  const recent = model.recentParams;
  const deep = !model.topLevelOnly;
  let position = -1;
  let requiredGiven = 0;
  for (const key in params) {
    position++;
    const value = params[key];
    if (value === undefined) continue;
    let member: InputMember | undefined;
    if (recent.keys[position] === key) {
      member = recent.members[position];
    } else {
      member = model.inputMembers.get(key);
      if (member !== undefined) {
        recent.keys[position] = key;
        recent.members[position] = member;
      }
    }
    if (member === undefined) {
      if (tolerated?.has(key) !== true) return true;
      continue;
    }
    if (member.required) requiredGiven++;
    if (typeof value !== 'object' || value === null) continue;
    if (member.plan !== undefined && lacksRequired(member.plan, value, model.topLevelOnly)) return true;
    if (deep && hasUnknownNested(member.node, value)) return true;
  }
  return requiredGiven !== model.requiredCount;
}

function hasUnknownNested(node: SchemaNode, value: object): boolean {
  if (Array.isArray(value)) {
    if (!node.isListSchema()) return false;
    const item = valueSchema(node);
    for (const element of value) {
      if (typeof element === 'object' && element !== null && hasUnknownNested(item, element)) return true;
    }
    return false;
  }
  if (!isPlainObject(value)) return false;
  if (node.isMapSchema()) {
    const item = valueSchema(node);
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
      checkNestedMembers(node.getValueSchema(), item, mapPath(path, key), problems);
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
      checkKind(node.getValueSchema(), item, mapPath(path, key), problems);
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

/** A list's or map's value schema: smithy makes a new node on every `getValueSchema()` call. */
function valueSchema(node: SchemaNode): SchemaNode {
  let found = valueSchemas.get(node);
  if (found === undefined) {
    found = node.getValueSchema();
    valueSchemas.set(node, found);
  }
  return found;
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

function addMissing(
  plan: RequiredPlan,
  value: Record<string, unknown>,
  document: boolean,
  where: 'params' | 'output',
  problems: string[],
): void {
  for (const missing of missingMembers(plan, value, document)) {
    // A misspelt member is already reported with its right name; a document call's unknown members are
    // reported at the top level only.
    if ((!document || missing.parentPath === '') && misspeltAs(missing)) continue;
    problems.push(missingMemberProblem(missing, missing.owner.getName?.(), missing.member, where));
  }
}

function misspeltAs({ parent, owner, name }: MissingMember): boolean {
  const own = members(owner);
  return Object.keys(parent).some(
    (key) => !own.has(key) && parent[key] !== undefined && closestMatches(key, own.keys()).includes(name),
  );
}

function isPayload(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    value instanceof Uint8Array ||
    value instanceof Readable ||
    typeof (value as { transformToString?: unknown }).transformToString === 'function'
  );
}
