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

/** The match key and the display form of a service name, cached: both are asked for on every call. */
export function serviceNames(service: string): { key: string; display: string } {
  let names = namesByService.get(service);
  if (names === undefined) {
    names = { key: serviceKey(service), display: serviceDisplayName(service) };
    namesByService.set(service, names);
  }
  return names;
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

/** Names a command class (for `mockCall(GetObjectCommand, ...)`) by naming an empty instance of it. */
export function nameCommandClass(commandClass: new (input: object) => object): CommandName {
  const cached = namesByCommandClass.get(commandClass);
  if (cached !== undefined) return cached;
  return nameCommand(new commandClass({}));
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
  smithyContext?: { operation?: unknown };
}

/**
 * Commands built by smithy's `ClassBuilder` (3.4xx+) pass their client and command names to
 * `resolveMiddlewareWithContext`. Shadowing that method on the instance for one call reads them without
 * building any middleware or touching the client.
 */
function probeContext(
  command: CommandShape,
): { clientName?: string; commandName?: string; operation?: string } | undefined {
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
  const result: { clientName?: string; commandName?: string; operation?: string } = {};
  const clientName = text(captured.clientName);
  const commandName = text(captured.commandName);
  const operation = text(captured.smithyContext?.operation);
  if (clientName) result.clientName = clientName;
  if (commandName) result.commandName = commandName;
  if (operation) result.operation = operation;
  return result;
}

function stripCommandSuffix(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const stripped = name.replace(/Command\d*$/, '');
  return stripped === '' ? undefined : stripped;
}
