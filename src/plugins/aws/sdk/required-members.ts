import { isPlainObject } from '../../../util/values';
import type { SchemaNode } from './service-model';

/**
 * Where a shape's required members are, compiled once per static schema: the structure's own required
 * names, and which members, list items or map values can hold a structure with required members further
 * down. Shapes that cannot are left out, so a check never walks an item map or a list of strings.
 */
export interface RequiredPlan {
  readonly node: SchemaNode;
  readonly union: boolean;
  readonly map: boolean;
  /** Required member names of a structure (the static schema lists them first and ends with their count). */
  readonly required: readonly string[];
  readonly requiredNodes: readonly SchemaNode[];
  /** Members whose shape has required members somewhere below, and their plans (same order). */
  nested: readonly string[];
  nestedPlans: readonly RequiredPlan[];
  /** The plan of a list's items or a map's values, when they have required members somewhere below. */
  item: RequiredPlan | undefined;
  reaches: boolean;
  /** Child plans before pruning, while a batch of plans is being compiled. */
  candidates: { name: string | undefined; plan: RequiredPlan }[] | undefined;
}

const plans = new WeakMap<object, RequiredPlan>();
const STRUCTURE = 3;
const UNION = 4;

/** The plan for a shape, or `undefined` when nothing at or below it is required. */
export function requiredPlan(node: SchemaNode): RequiredPlan | undefined {
  const batch: RequiredPlan[] = [];
  const plan = compile(node, batch);
  if (batch.length > 0) settle(batch);
  return plan?.reaches === true ? plan : undefined;
}

/**
 * Whether a value lacks a required member somewhere: no allocation, and only the parts of the value that
 * the plan says can hold one are visited. The document client's values below a union (a DynamoDB
 * `AttributeValue`) are native, so its calls are not checked below unions.
 */
export function lacksRequired(plan: RequiredPlan, value: unknown, document: boolean): boolean {
  if (plan.item !== undefined) {
    const item = plan.item;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        if (lacksRequired(item, value[index], document)) return true;
      }
    } else if (plan.map && isPlainObject(value)) {
      for (const key in value) if (lacksRequired(item, value[key], document)) return true;
    }
    return false;
  }
  if (!isPlainObject(value) || (plan.union && document)) return false;
  const { required, nested, nestedPlans } = plan;
  for (let index = 0; index < required.length; index++) {
    if (value[required[index]!] === undefined) return true;
  }
  for (let index = 0; index < nested.length; index++) {
    const member = value[nested[index]!];
    if (member !== undefined && lacksRequired(nestedPlans[index]!, member, document)) return true;
  }
  return false;
}

/** A required member found missing: where, in which structure, and its shape (for what to send). */
export interface MissingMember {
  readonly parent: Record<string, unknown>;
  readonly path: string;
  readonly parentPath: string;
  readonly name: string;
  readonly owner: SchemaNode;
  readonly member: SchemaNode;
}

/** Every missing required member, with its path (`RequestItems['t'].Keys`), for the error message. */
export function missingMembers(
  plan: RequiredPlan,
  value: unknown,
  document: boolean,
  path = '',
  found: MissingMember[] = [],
): MissingMember[] {
  if (plan.item !== undefined) {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries())
        missingMembers(plan.item, item, document, `${path}[${index}]`, found);
    } else if (plan.map && isPlainObject(value)) {
      for (const [key, item] of Object.entries(value))
        missingMembers(plan.item, item, document, mapPath(path, key), found);
    }
    return found;
  }
  if (!isPlainObject(value) || (plan.union && document)) return found;
  plan.required.forEach((name, index) => {
    if (value[name] !== undefined) return;
    const member = plan.requiredNodes[index]!;
    found.push({
      parent: value,
      path: memberPath(path, name),
      parentPath: path,
      name,
      owner: plan.node,
      member,
    });
  });
  plan.nested.forEach((name, index) => {
    const member = value[name];
    if (member !== undefined)
      missingMembers(plan.nestedPlans[index]!, member, document, memberPath(path, name), found);
  });
  return found;
}

export function memberPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** Map keys are data (table names, attribute names): shown quoted, as they would be written in code. */
export function mapPath(path: string, key: string): string {
  return `${path}[${JSON.stringify(key).replace(/^"|"$/g, "'")}]`;
}

function compile(node: SchemaNode, batch: RequiredPlan[]): RequiredPlan | undefined {
  const schema = node.getSchema?.();
  if (schema === null || typeof schema !== 'object') return undefined;
  const known = plans.get(schema);
  if (known !== undefined) return known;
  const union = Array.isArray(schema) && schema[0] === UNION;
  const isStructure = node.isStructSchema() || union;
  const plan: RequiredPlan = {
    node,
    union,
    map: node.isMapSchema(),
    required: [],
    requiredNodes: [],
    nested: [],
    nestedPlans: [],
    item: undefined,
    reaches: false,
    candidates: [],
  };
  plans.set(schema, plan);
  batch.push(plan);
  if (isStructure) compileStructure(plan, schema, batch);
  else if (node.isListSchema() || node.isMapSchema()) {
    const item = compile(node.getValueSchema(), batch);
    if (item !== undefined) plan.candidates!.push({ name: undefined, plan: item });
  }
  return plan;
}

function compileStructure(plan: RequiredPlan, schema: object, batch: RequiredPlan[]): void {
  const count =
    Array.isArray(schema) && schema[0] === STRUCTURE && typeof schema[6] === 'number' ? schema[6] : 0;
  const required = plan.required as string[];
  const requiredNodes = plan.requiredNodes as SchemaNode[];
  let index = 0;
  for (const [name, member] of plan.node.structIterator()) {
    // The SDK fills idempotency tokens itself when they are not given.
    if (index++ < count && member.isIdempotencyToken?.() !== true) {
      required.push(name);
      requiredNodes.push(member);
    }
    const child = compile(member, batch);
    if (child !== undefined) plan.candidates!.push({ name, plan: child });
  }
}

/** Marks which plans reach a required member (cycles included: repeat until nothing changes), then prunes. */
function settle(batch: RequiredPlan[]): void {
  for (const plan of batch) plan.reaches = plan.required.length > 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const plan of batch) {
      if (!plan.reaches && plan.candidates!.some((candidate) => candidate.plan.reaches)) {
        plan.reaches = true;
        changed = true;
      }
    }
  }
  for (const plan of batch) {
    const reaching = plan.candidates!.filter((candidate) => candidate.plan.reaches);
    plan.candidates = undefined;
    if (plan.node.isListSchema() || plan.node.isMapSchema()) {
      plan.item = reaching[0]?.plan;
    } else {
      plan.nested = reaching.map((candidate) => candidate.name!);
      plan.nestedPlans = reaching.map((candidate) => candidate.plan);
    }
  }
}

/** What the per-call check needs of one top-level input member, looked up once per key. */
export interface InputMember {
  readonly node: SchemaNode;
  readonly required: boolean;
  /** The member's plan when its shape has required members below. */
  readonly plan: RequiredPlan | undefined;
}

/** The input's top-level members with their required-member facts, and how many are required. */
export function inputMembers(
  input: SchemaNode,
  plan: RequiredPlan | undefined,
): { members: ReadonlyMap<string, InputMember>; requiredCount: number } {
  const members = new Map<string, InputMember>();
  if (!input.isStructSchema()) return { members, requiredCount: 0 };
  for (const [name, node] of input.structIterator()) {
    const nested = plan?.nested.indexOf(name) ?? -1;
    members.set(name, {
      node,
      required: plan?.required.includes(name) === true,
      plan: nested === -1 ? undefined : plan?.nestedPlans[nested],
    });
  }
  return { members, requiredCount: plan?.required.length ?? 0 };
}
