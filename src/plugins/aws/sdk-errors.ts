import { clientPackageExports } from './client-packages';
import { baseCopyOf } from './interception';
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
export function buildServiceError(client: object, serviceKey: string, spec: ErrorFromCode): Error {
  const { code, message, $fault, $metadata, ...fields } = spec;
  const exceptions = exceptionClasses(client, serviceKey);
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

function exceptionClasses(client: object, serviceKey: string): ServiceExceptions | undefined {
  const clientClass = client.constructor;
  const cached = exceptionsByClientClass.get(clientClass);
  if (cached !== undefined) return cached;
  // lib-dynamodb exports no errors: the document client throws client-dynamodb's.
  const packageKey = serviceKey === DOCUMENT_SERVICE_KEY ? 'dynamodb' : serviceKey;
  const exports = clientPackageExports(packageKey, clientClass);
  if (exports === undefined) return undefined;
  const coreServiceException = baseCopyOf(client)?.exports.ServiceException;
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

/**
 * The error the real SDK rejects with for an already-aborted `abortSignal`: its retry layer (and, on older
 * lines, its HTTP handler) throws `Request aborted` named `AbortError`, whatever the signal's reason.
 */
export function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}
