import { dirname } from 'node:path';
import { debuglog } from 'node:util';
import { clientPackage } from './client-packages';
import { DOCUMENT_SERVICE_KEY, isDocumentCommand } from './naming';
import { type InputMember, inputMembers, type RequiredPlan, requiredPlan } from './required-members';
import { warnIfRequiredUnchecked, warnValidationSkipped } from './sdk-line';

/** The part of smithy's `NormalizedSchema` (from `@smithy/core/schema`) that ts-tripwire reads. */
export interface SchemaNode {
  isStructSchema(): boolean;
  isUnionSchema?(): boolean;
  isListSchema(): boolean;
  isMapSchema(): boolean;
  isStringSchema(): boolean;
  isNumericSchema(): boolean;
  isBooleanSchema(): boolean;
  isTimestampSchema(): boolean;
  isBlobSchema(): boolean;
  isStreaming(): boolean;
  isDocumentSchema(): boolean;
  isBigIntegerSchema(): boolean;
  isBigDecimalSchema(): boolean;
  getValueSchema(): SchemaNode;
  /** The static schema behind the node (an array for structures, lists and maps): stable, so a cache key. */
  getSchema?(): unknown;
  getName?(): string | undefined;
  isIdempotencyToken?(): boolean;
  structIterator(): Iterable<[string, SchemaNode]>;
}

/** An operation's input and output shapes, from the installed SDK's own model. */
export interface OperationModel {
  readonly input: SchemaNode;
  readonly output: SchemaNode;
  /** Document-client commands carry native values where the model has attribute values: top level only. */
  readonly topLevelOnly: boolean;
  /** Where the input's required members are; `undefined` when it has none at any depth. */
  readonly required: RequiredPlan | undefined;
  /** The input's top-level members with their required-member facts, for validation's fast path. */
  readonly inputMembers: ReadonlyMap<string, InputMember>;
  readonly requiredCount: number;
  /** The input members last found at each position of a call's params, for validation's fast path. */
  readonly recentParams: { readonly keys: string[]; readonly members: InputMember[] };
}

interface SchemaModule {
  NormalizedSchema: { of(schema: unknown): SchemaNode };
}

const log = debuglog('tripwire');
const modelsByCommandClass = new WeakMap<object, OperationModel | null>();
const schemaModules = new Map<string, SchemaModule | null>();
let noticeGiven = false;

/**
 * The model of a command's operation, read through the SDK's own `NormalizedSchema`. `undefined` on SDK
 * lines whose commands carry no schema (before about 3.95x): validation is then skipped, with a process
 * warning (TRIPWIRE_VALIDATION_SKIPPED) and a debug notice (NODE_DEBUG=tripwire), once per process. A
 * schema module that cannot be loaded gets the debug notice only.
 */
export function operationModel(command: object, resolveFrom: () => string): OperationModel | undefined {
  const commandClass = command.constructor;
  let model = modelsByCommandClass.get(commandClass);
  if (model === undefined) {
    model = readModel(command, resolveFrom()) ?? null;
    modelsByCommandClass.set(commandClass, model);
  }
  return model ?? undefined;
}

/** The model for a registration by name, from the loaded client package's command class. */
export function operationModelByName(serviceKey: string, operation: string): OperationModel | undefined {
  const found = clientPackage(serviceKey);
  const commandClass = found?.exports[`${operation}Command`];
  if (found === undefined || typeof commandClass !== 'function') return undefined;
  try {
    return operationModel(new (commandClass as new (input: object) => object)({}), () => found.file);
  } catch {
    return undefined;
  }
}

/** The directory to resolve the SDK's schema module from, for a command of a service. */
export function modelSource(serviceKey: string, fallback: string | undefined): string {
  const key = serviceKey === DOCUMENT_SERVICE_KEY ? 'dynamodb' : serviceKey;
  return clientPackage(key)?.file ?? fallback ?? process.cwd();
}

function readModel(command: object, resolveFrom: string): OperationModel | undefined {
  const document = isDocumentCommand(command);
  const schema = (document ? command.clientCommand : command) as { schema?: unknown };
  if (!Array.isArray(schema.schema) || schema.schema[0] !== 9) {
    warnValidationSkipped(command.constructor, resolveFrom);
    return undefined;
  }
  warnIfRequiredUnchecked(command.constructor, resolveFrom);
  const module = schemaModule(resolveFrom);
  if (module === undefined) return notice();
  try {
    const input = module.NormalizedSchema.of(schema.schema[4]);
    const required = requiredPlan(input);
    const { members, requiredCount } = inputMembers(input, required);
    return {
      input,
      output: module.NormalizedSchema.of(schema.schema[5]),
      topLevelOnly: document,
      required,
      inputMembers: members,
      requiredCount,
      recentParams: { keys: [], members: [] },
    };
  } catch {
    return notice();
  }
}

function schemaModule(resolveFrom: string): SchemaModule | undefined {
  const directory = dirname(resolveFrom);
  let module = schemaModules.get(directory);
  if (module === undefined) {
    try {
      module = require(require.resolve('@smithy/core/schema', { paths: [directory] })) as SchemaModule;
      if (typeof module.NormalizedSchema?.of !== 'function') module = null;
    } catch {
      module = null;
    }
    schemaModules.set(directory, module);
  }
  return module ?? undefined;
}

function notice(): undefined {
  if (!noticeGiven) {
    noticeGiven = true;
    log(
      'the SDK schema module could not be read: params and outputs are not validated against the service model',
    );
  }
  return undefined;
}
