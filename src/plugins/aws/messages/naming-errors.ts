import { TripwireConfigError } from '../../../errors';
import { describeValue } from '../../../util/describe-value';
import { shorten } from '../../../util/guarded-read';
import { quote } from '../../../util/quote';
import { type AwsMethod, stringFormCode, typedFormCode } from './hints';

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
