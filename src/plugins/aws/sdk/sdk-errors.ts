import { dirname } from 'node:path';
import { type BaseClientCopy, findBaseClientCopies } from '../interception/sdk-copies';
import { clientPackageExports } from './client-packages';
import { DOCUMENT_SERVICE_KEY } from './naming';

export interface ErrorFromCode {
  code: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: Record<string, unknown>;
  [field: string]: unknown;
}

type ExceptionClass = new (options: Record<string, unknown>) => Error & { $fault?: string };

/**
 * Builds the error a real client would throw for `code`: an instance of the calling client's own modeled
 * exception class when it has one, else of its service's base exception class, so that `instanceof`
 * works on every SDK line.
 */
export function buildServiceError(
  client: object,
  copy: BaseClientCopy | undefined,
  serviceKey: string,
  spec: ErrorFromCode,
): Error {
  const { code, message, $fault, $metadata, ...fields } = spec;
  const exceptions = exceptionClasses(client, copy, serviceKey);
  const modeled = exceptions?.modeled(code);
  const ExceptionClass = modeled ?? exceptions?.base;
  const fault = $fault ?? (modeled ? modeledFault(modeled) : undefined) ?? 'client';
  const metadata = {
    httpStatusCode: exceptions?.modeledStatus(code) ?? (fault === 'server' ? 500 : 400),
    requestId: requestId(),
    attempts: 1,
    totalRetryDelay: 0,
    ...$metadata,
  };
  const options = { name: code, message: message ?? code, $fault: fault, $metadata: metadata };
  const error = (
    ExceptionClass ? new ExceptionClass(options) : Object.assign(new Error(options.message), options)
  ) as Error & Record<string, unknown>;
  error.name = code;
  error.$fault = fault;
  error.$metadata = metadata;
  Object.assign(error, fields);
  // SDK waiters read the raw response's status code.
  Object.defineProperty(error, '$response', {
    value: { statusCode: metadata.httpStatusCode, headers: {}, body: undefined },
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return error;
}

let requestCounter = 0;

/** A request id for generated `$metadata`: `TRIPWIRE-1`, `TRIPWIRE-2`, ... (unique within the process). */
export function requestId(): string {
  requestCounter++;
  return `TRIPWIRE-${requestCounter}`;
}

interface ServiceExceptions {
  readonly base: ExceptionClass | undefined;
  modeled(code: string): ExceptionClass | undefined;
  /** The HTTP status the service model gives the error (`NoSuchKey` → 404), on lines that carry it. */
  modeledStatus(code: string): number | undefined;
}

const exceptionsByClientClass = new WeakMap<object, ServiceExceptions>();

function exceptionClasses(
  client: object,
  copy: BaseClientCopy | undefined,
  serviceKey: string,
): ServiceExceptions | undefined {
  const clientClass = client.constructor;
  const cached = exceptionsByClientClass.get(clientClass);
  if (cached !== undefined) return cached;
  // lib-dynamodb exports no errors: the document client throws client-dynamodb's.
  const exports =
    serviceKey === DOCUMENT_SERVICE_KEY
      ? clientPackageExports('dynamodb')
      : clientPackageExports(serviceKey, clientClass);
  if (exports === undefined) return undefined;
  const coreServiceException = copy?.exports.ServiceException;
  const base = findBaseException(exports, coreServiceException);
  const exceptions: ServiceExceptions = {
    base,
    modeled(code) {
      const candidate = exports[code];
      if (typeof candidate !== 'function' || candidate === base) return undefined;
      if (base !== undefined && !(candidate.prototype instanceof base)) return undefined;
      return candidate as ExceptionClass;
    },
    modeledStatus(code) {
      // Schema-based lines export each error's schema as `<Code>$`: [-3, namespace, name, traits, ...].
      const schema = exports[`${code}$`];
      const traits = Array.isArray(schema) && schema[0] === -3 ? schema[3] : undefined;
      const status = (traits as { httpError?: unknown } | undefined)?.httpError;
      return typeof status === 'number' ? status : undefined;
    },
  };
  exceptionsByClientClass.set(clientClass, exceptions);
  return exceptions;
}

/**
 * The service's synthetic base class (`S3ServiceException`) is the exported class that directly extends
 * the SDK core's `ServiceException`. Not "the export ending in ServiceException": Lambda has a modeled
 * exception named `ServiceException`.
 */
function findBaseException(
  exports: Record<string, unknown>,
  coreServiceException: unknown,
): ExceptionClass | undefined {
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== 'function' || !name.endsWith('ServiceException')) continue;
    if (coreServiceException === undefined || Object.getPrototypeOf(value) === coreServiceException) {
      if (name !== 'ServiceException') return value as ExceptionClass;
    }
  }
  return undefined;
}

function modeledFault(ExceptionClass: ExceptionClass): 'client' | 'server' | undefined {
  try {
    const probe = new ExceptionClass({ message: '', $metadata: {} });
    return probe.$fault === 'server' ? 'server' : probe.$fault === 'client' ? 'client' : undefined;
  } catch {
    return undefined;
  }
}

/** The `send` options the SDK passes down to its HTTP handler. */
export interface AbortableOptions {
  readonly abortSignal?: unknown;
}

interface RequestHandlerLike {
  handle(request: object, options: object): Promise<unknown>;
}

type Middleware = (
  next: (args: { request: object }) => Promise<unknown>,
  context: object,
) => (args: { input: object; request: object }) => Promise<unknown>;

interface RetryPluginFactory {
  getRetryPlugin(options: object): { applyToStack(stack: { add(middleware: Middleware): void }): void };
}

// The SDK's retry layer, next to the client's copy of the core: @smithy/core/retry on current lines,
// @smithy/middleware-retry on older ones.
const RETRY_MODULES = ['@smithy/core/retry', '@smithy/middleware-retry'];
const retryModuleByCopy = new WeakMap<object, RetryPluginFactory | null>();

// A request no transport can send: an unknown scheme and a reserved host, so that even a handler that
// ignored the signal would fail without opening a connection (the SDK's own handlers check the signal
// before they look at the request).
const UNSENDABLE_REQUEST = {
  protocol: 'tripwire-aborted:',
  hostname: 'aborted.invalid',
  method: 'GET',
  path: '/',
  query: {},
  headers: {},
};

/**
 * The error the calling client's own SDK rejects with for an aborted `abortSignal`, made by the SDK's own
 * code rather than copied: the client's retry layer over its HTTP handler, as in a real `send` (the retry
 * layer answers first on current lines, the handler on older ones, with `$metadata` added by the retry
 * layer there). Used both for a signal aborted before the call and for one aborted while a mocked response
 * is pending: the SDK makes the same error in both cases.
 */
export async function sdkAbortError(
  client: object,
  options: AbortableOptions,
  copy?: BaseClientCopy,
): Promise<Error> {
  const config = (client as { config?: { requestHandler?: unknown } }).config;
  const handler = config?.requestHandler as Partial<RequestHandlerLike> | undefined;
  if (typeof handler?.handle !== 'function') return platformAbortError();
  const send = (request: object) => (handler as RequestHandlerLike).handle(request, options);
  try {
    await throughRetryLayer(
      client,
      send,
      options,
      copy,
    )({ input: {}, request: { ...UNSENDABLE_REQUEST, headers: {} } });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') return error;
  }
  // A custom handler that neither honours the signal nor has the SDK's retry layer in front of it.
  return platformAbortError();
}

/** The client's own retry middleware (as its retry plugin builds it) over `send`, or `send` alone. */
function throughRetryLayer(
  client: object,
  send: (request: object) => Promise<unknown>,
  options: AbortableOptions,
  copy: BaseClientCopy | undefined,
): (args: { input: object; request: object }) => Promise<unknown> {
  const terminal = (args: { request: object }) => send(args.request);
  const config = (client as { config?: { logger?: unknown } }).config;
  let retryMiddleware: Middleware | undefined;
  try {
    retryModuleFor(client, copy)
      ?.getRetryPlugin(config ?? {})
      .applyToStack({ add: (middleware) => (retryMiddleware ??= middleware) });
  } catch {
    return terminal;
  }
  if (typeof retryMiddleware !== 'function') return terminal;
  return retryMiddleware(terminal, {
    logger: config?.logger,
    __smithy_context: { abortSignal: options.abortSignal },
  });
}

/** The retry module next to the client's copy of the SDK core (found among the loaded copies when not given). */
function retryModuleFor(client: object, given: BaseClientCopy | undefined): RetryPluginFactory | undefined {
  const copy =
    given ??
    findBaseClientCopies().find((found) => Object.prototype.isPrototypeOf.call(found.prototype, client));
  if (copy === undefined) return undefined;
  let found = retryModuleByCopy.get(copy.prototype);
  if (found === undefined) {
    found = loadRetryModule(dirname(copy.file)) ?? null;
    retryModuleByCopy.set(copy.prototype, found);
  }
  return found ?? undefined;
}

function loadRetryModule(from: string): RetryPluginFactory | undefined {
  for (const request of RETRY_MODULES) {
    try {
      const exports = require(require.resolve(request, { paths: [from] })) as Partial<RetryPluginFactory>;
      if (typeof exports.getRetryPlugin === 'function') return exports as RetryPluginFactory;
    } catch {
      // Not installed on this SDK line: try the next.
    }
  }
  return undefined;
}

/** The platform's own abort error (a `DOMException` named `AbortError`), for clients with no SDK handler. */
function platformAbortError(): Error {
  return AbortSignal.abort().reason as Error;
}
