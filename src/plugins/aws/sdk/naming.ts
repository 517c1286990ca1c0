import { types } from 'node:util';

/** Service names are matched ignoring case, spaces, hyphens, underscores and a trailing `Client`. */
export function serviceKey(service: string): string {
  return service
    .trim()
    .replace(/client$/i, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** The display form: the client's `serviceId` lower-cased with spaces as hyphens (`cloudwatch-logs`). */
export function serviceDisplayName(service: string): string {
  return service
    .trim()
    .replace(/client$/i, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-');
}

const namesByService = new Map<string, { key: string; display: string }>();
// A process names a few dozen services; the bound keeps a stream of made-up names from growing the cache.
const CACHED_SERVICE_NAMES = 256;

/** The match key and the display form of a service name, cached: both are asked for on every call. */
export function serviceNames(service: string): { key: string; display: string } {
  let names = namesByService.get(service);
  if (names === undefined) {
    names = { key: serviceKey(service), display: serviceDisplayName(service) };
    if (namesByService.size >= CACHED_SERVICE_NAMES) {
      namesByService.delete(namesByService.keys().next().value as string);
    }
    namesByService.set(service, names);
  }
  return names;
}

/** @internal For the test that the cache stays bounded. */
export function cachedServiceNameCount(): number {
  return namesByService.size;
}

export const DOCUMENT_SERVICE = 'dynamodb-document';
export const DOCUMENT_SERVICE_KEY = serviceKey(DOCUMENT_SERVICE);

// lib-dynamodb commands wrap a low-level command; the document names differ where DynamoDB says "Item(s)".
export const DOCUMENT_OPERATION_NAMES: Readonly<Record<string, string>> = {
  PutItem: 'Put',
  GetItem: 'Get',
  UpdateItem: 'Update',
  DeleteItem: 'Delete',
  BatchGetItem: 'BatchGet',
  BatchWriteItem: 'BatchWrite',
  TransactGetItems: 'TransactGet',
  TransactWriteItems: 'TransactWrite',
};

/** What a command class says about itself: its operation and, when it can tell, its client's name. */
export interface CommandName {
  readonly operation: string;
  /** Service key from the command's client name (`S3Client` → `s3`), or the document service. */
  readonly serviceKey: string | undefined;
  readonly document: boolean;
}

interface CommandShape {
  schema?: unknown;
  clientCommand?: unknown;
  inputKeyNodes?: unknown;
  resolveMiddleware?: (...args: unknown[]) => unknown;
  resolveMiddlewareWithContext?: unknown;
  constructor: { name: string };
}

const namesByCommandClass = new WeakMap<object, CommandName>();

/** Names a command instance; the answer is cached per command class. */
export function nameCommand(command: object): CommandName {
  const commandClass = (command as CommandShape).constructor;
  let name = namesByCommandClass.get(commandClass);
  if (name === undefined) {
    name = computeName(command as CommandShape);
    namesByCommandClass.set(commandClass, name);
  }
  return name;
}

/**
 * Names a command class (for `mockCall(GetObjectCommand, ...)`) by naming an empty instance of it; undefined
 * for anything that is not recognisably an SDK command class, which is never constructed.
 */
export function nameCommandClass(commandClass: unknown): CommandName | undefined {
  if (!isSdkCommandClass(commandClass)) return undefined;
  const cached = namesByCommandClass.get(commandClass);
  if (cached !== undefined) return cached;
  try {
    return nameCommand(new (commandClass as new (input: object) => object)({}));
  } catch {
    return undefined;
  }
}

// Every SDK line's commands extend smithy's `Command`, whatever copy of it they load.
const SDK_BASE_COMMAND = 'Command';
const CLASS_CHAIN_LIMIT = 8;

/**
 * True for a class whose chain of parent classes reaches smithy's `Command` (by name, so that any copy of
 * the SDK counts) and whose instances have `resolveMiddleware`. Reads only own properties: no getter runs.
 */
export function isSdkCommandClass(value: unknown): value is new (input: object) => object {
  if (typeof value !== 'function' || types.isProxy(value)) return false;
  if (!hasMethod(ownValue(value, 'prototype'), 'resolveMiddleware')) return false;
  let current: unknown = value;
  for (let depth = 0; depth < CLASS_CHAIN_LIMIT && typeof current === 'function'; depth++) {
    if (current !== value && isBaseCommand(current)) return true;
    current = Object.getPrototypeOf(current);
  }
  return false;
}

/** An instance of an SDK command class (passed where the class belongs). */
export function isSdkCommandInstance(value: unknown): value is object {
  if (value === null || typeof value !== 'object' || types.isProxy(value)) return false;
  const ownClass = ownValue(Object.getPrototypeOf(value), 'constructor');
  return isSdkCommandClass(ownClass);
}

/** smithy's `Command`: by name, or (when a bundler renamed it) by what only it defines. */
function isBaseCommand(candidate: object): boolean {
  return (
    ownValue(candidate, 'name') === SDK_BASE_COMMAND ||
    typeof ownValue(candidate, 'classBuilder') === 'function' ||
    typeof ownValue(ownValue(candidate, 'prototype'), 'resolveMiddlewareWithContext') === 'function'
  );
}

function hasMethod(prototype: unknown, method: string): boolean {
  for (let current = prototype, depth = 0; depth < CLASS_CHAIN_LIMIT; depth++) {
    if (current === null || typeof current !== 'object' || types.isProxy(current)) return false;
    if (typeof ownValue(current, method) === 'function') return true;
    current = Object.getPrototypeOf(current);
  }
  return false;
}

function ownValue(target: unknown, key: string): unknown {
  if (target === null || (typeof target !== 'object' && typeof target !== 'function')) return undefined;
  return Object.getOwnPropertyDescriptor(target, key)?.value;
}

function computeName(command: CommandShape): CommandName {
  if (isDocumentCommand(command)) {
    const inner = nameCommand(command.clientCommand as object);
    return {
      operation: DOCUMENT_OPERATION_NAMES[inner.operation] ?? inner.operation,
      serviceKey: DOCUMENT_SERVICE_KEY,
      document: true,
    };
  }
  const context = probeContext(command);
  const schemaOperation = operationFromSchema(command.schema);
  const operation =
    schemaOperation ??
    context?.operation ??
    stripCommandSuffix(context?.commandName) ??
    // Last resort on SDKs too old for either: the class name, which bundlers may rename.
    stripCommandSuffix(command.constructor.name) ??
    command.constructor.name;
  const clientName = context?.clientName;
  return { operation, serviceKey: clientName ? serviceKey(clientName) : undefined, document: false };
}

export function isDocumentCommand(command: object): command is CommandShape & { clientCommand: object } {
  const candidate = command as CommandShape;
  return (
    candidate.clientCommand !== null &&
    typeof candidate.clientCommand === 'object' &&
    candidate.inputKeyNodes !== null &&
    typeof candidate.inputKeyNodes === 'object'
  );
}

/** Schema-based clients (about 3.952+) carry `[9, namespace, operationName, traits, input, output]`. */
function operationFromSchema(schema: unknown): string | undefined {
  if (Array.isArray(schema) && schema[0] === 9 && typeof schema[2] === 'string') return schema[2];
  return undefined;
}

interface HandlerContext {
  clientName?: unknown;
  commandName?: unknown;
  smithyContext?: { operation?: unknown; service?: unknown };
}

interface ProbedNames {
  clientName?: string;
  commandName?: string;
  operation?: string;
  /** The model's service shape (`AWSStepFunctions`, `AmazonS3`, `DynamoDB_20120810`). */
  service?: string;
}

/** The model's name of a command's service (`AWSStepFunctions`), from the names its builder passes on. */
export function probeServiceName(command: object): string | undefined {
  return probeContext(command as CommandShape)?.service;
}

/**
 * Commands built by smithy's `ClassBuilder` (3.4xx+) pass their client and command names to
 * `resolveMiddlewareWithContext`. Shadowing that method on the instance for one call reads them without
 * building any middleware or touching the client.
 */
function probeContext(command: CommandShape): ProbedNames | undefined {
  if (
    typeof command.resolveMiddleware !== 'function' ||
    typeof command.resolveMiddlewareWithContext !== 'function'
  ) {
    return undefined;
  }
  let captured: HandlerContext | undefined;
  const probe = (_stack: unknown, _config: unknown, _options: unknown, context: HandlerContext) => {
    captured = context;
    return () => Promise.resolve({ output: {} });
  };
  const had = Object.hasOwn(command, 'resolveMiddlewareWithContext');
  const previous = command.resolveMiddlewareWithContext;
  try {
    Object.defineProperty(command, 'resolveMiddlewareWithContext', {
      value: probe,
      configurable: true,
      writable: true,
    });
    command.resolveMiddleware(undefined, undefined, undefined);
  } catch {
    // A hand-written resolveMiddleware that needs a real stack: fall back to other sources.
  } finally {
    if (had)
      Object.defineProperty(command, 'resolveMiddlewareWithContext', {
        value: previous,
        configurable: true,
        writable: true,
      });
    else delete (command as { resolveMiddlewareWithContext?: unknown }).resolveMiddlewareWithContext;
  }
  if (captured === undefined) return undefined;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const result: ProbedNames = {};
  const clientName = text(captured.clientName);
  const commandName = text(captured.commandName);
  const operation = text(captured.smithyContext?.operation);
  if (clientName) result.clientName = clientName;
  if (commandName) result.commandName = commandName;
  const service = text(captured.smithyContext?.service);
  if (operation) result.operation = operation;
  if (service) result.service = service;
  return result;
}

function stripCommandSuffix(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const stripped = name.replace(/Command\d*$/, '');
  return stripped === '' ? undefined : stripped;
}
