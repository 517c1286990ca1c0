import { TripwireConfigError } from '../../../errors';
import { describeValue } from '../../../util/describe-value';
import { orList } from '../../../util/did-you-mean';
import { shorten } from '../../../util/guarded-read';
import { quote } from '../../../util/quote';
import type { AliasKind } from '../sdk/service-identity';
import { type AwsMethod, exactParamsHint, mockHint, stringFormCode, typedFormCode } from './hints';

/** A command instance where its class or the strings belong; `serviceKey` is the strings' service. */
export function commandInstanceError(
  method: AwsMethod,
  hintName: string,
  operation: string,
  serviceKey: string,
): Error {
  return new TripwireConfigError(
    `${method}() takes the command class, not an instance: ${typedFormCode(hintName, method, operation)} ` +
      `(or the strings: '${serviceKey}', '${operation}').`,
  );
}

export function notStringsError(
  method: AwsMethod,
  hintName: string,
  service: unknown,
  operation: unknown,
): Error {
  return new TripwireConfigError(
    `${method}() takes the service and the operation as strings, not ${describeValue(service)} and ${describeValue(operation)}: ` +
      `${stringFormCode(hintName, method, false)}.`,
  );
}

export function nameTooLongError(
  method: AwsMethod,
  hintName: string,
  what: 'service' | 'operation',
  text: string,
): Error {
  return new TripwireConfigError(
    `${method}(): ${quote(shorten(text))} is too long to be ${what === 'service' ? 'a service' : 'an operation'} name. ` +
      `Give the name as the SDK spells it: ${stringFormCode(hintName, method, true)}.`,
  );
}

export function notACommandClassError(method: AwsMethod, given: unknown): Error {
  return new TripwireConfigError(
    `${method}() was given ${describeValue(given)}, which is not an AWS SDK v3 command class. Pass the class itself ` +
      "(GetObjectCommand, not new GetObjectCommand(...)), or the strings: mockCall('s3', 'GetObject', { ... }).",
  );
}

/** An operation the loaded client package does not offer; `suggestion` is a did-you-mean or nothing. */
export function noSuchOperationError(service: string, operation: string, suggestion: string): Error {
  return new TripwireConfigError(
    `${service} has no operation '${shorten(operation)}'.${suggestion} ` +
      `Operations are command class names without 'Command' (GetObjectCommand → 'GetObject').`,
  );
}

/** The document client's own name for an operation given by its low-level name (`PutItem` → `Put`). */
export function documentNameSuggestion(operation: string, documentName: string): string {
  return ` Did you mean '${documentName}'? The document client names ${operation} '${documentName}'.`;
}

/** A service that a typed name is another name of (`states` is SFN's endpoint prefix), as messages show it. */
export interface OtherNameOf {
  /** The name calls are filed under (`sfn`), and the client's own `serviceId` it comes from. */
  readonly service: string;
  readonly serviceId: string | undefined;
  readonly packageName: string;
  /** What the typed name is to it, and the model's service shape for the 'model name' kind. */
  readonly kinds: readonly AliasKind[];
  readonly modelName: string | undefined;
  /** The operation as that service names it. */
  readonly operation: string;
}

/**
 * `mockCall('states', 'StartExecution')`: a name the installed SDK knows as another name of a service whose
 * calls are filed under its own. Said at registration, because the mock could never serve a call.
 */
export function otherServiceNameError(
  method: AwsMethod,
  hintName: string,
  typed: string,
  operation: string,
  services: readonly OtherNameOf[],
): Error {
  const written =
    method === 'mockCall'
      ? `mockCall(${quote(shorten(typed))}, ${quote(shorten(operation))}, ...)`
      : `assertAwsCall({ service: ${quote(shorten(typed))}, operation: ${quote(shorten(operation))} })`;
  const meanings = services.map(
    (other) =>
      `${andList(other.kinds.map((kind) => aliasKindText(kind, other.modelName)))} of ${other.packageName}, whose calls are named '${other.service}'` +
      (other.serviceId === undefined ? '' : ` (from its serviceId, '${other.serviceId}')`),
  );
  const fixes = services.map((other) =>
    method === 'mockCall'
      ? mockHint(hintName, other.service, other.operation)
      : exactParamsHint(hintName, other.service, other.operation),
  );
  return new TripwireConfigError(
    `${written}: ${quote(shorten(typed))} is ${meanings.join('; and ')}. ` +
      `Did you mean ${orList(services.map((other) => `'${other.service}'`))}?\n` +
      fixes.map((fix) => `  ${fix}`).join('\n'),
  );
}

function aliasKindText(kind: AliasKind, modelName: string | undefined): string {
  switch (kind) {
    case 'model name':
      return modelName === undefined ? "the model's service name" : `the model's service name (${modelName})`;
    default:
      return `the ${kind}`;
  }
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
