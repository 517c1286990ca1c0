import { Readable } from 'node:stream';
import { didYouMean } from '../../../util/did-you-mean';
import { isPlainObject } from '../../../util/values';
import type { AwsMethod } from '../messages/hints';
import {
  documentNameSuggestion,
  noSuchOperationError,
  type OtherNameOf,
  otherServiceNameError,
} from '../messages/naming-errors';
import { mockCallText, outputMismatchError, streamForBlobError } from '../messages/registration-errors';
import type { CallName } from '../sdk/call-info';
import { knownOperations } from '../sdk/client-packages';
import { DOCUMENT_OPERATION_NAMES, DOCUMENT_SERVICE_KEY, isSdkCommandClass } from '../sdk/naming';
import { payloadMembersByName } from '../sdk/payload-members';
import { servicesAlsoNamed } from '../sdk/service-aliases';
import { modelSource, operationModel, operationModelByName } from '../sdk/service-model';
import { outputProblems } from '../sdk/validation';

/** How a name was written, for the message that refuses another name of a service. */
export interface WrittenName {
  readonly typed: string;
  readonly method: AwsMethod;
  readonly hintName: string;
}

/** Resolves `'GetObjectCommand'` to `'GetObject'` unless the service really has an operation of that name. */
export function canonicalOperation(
  key: string,
  service: string,
  operation: string,
  written?: WrittenName,
): string {
  const operations = knownOperations(key);
  if (operations === undefined) {
    if (written !== undefined) refuseOtherServiceName(key, operation, written);
    return operation;
  }
  if (operations.has(operation)) return operation;
  const stripped = operation.replace(/Command$/, '');
  if (operations.has(stripped)) return stripped;
  const documentName = key === DOCUMENT_SERVICE_KEY ? DOCUMENT_OPERATION_NAMES[stripped] : undefined;
  const suggestion = documentName
    ? documentNameSuggestion(stripped, documentName)
    : didYouMean(stripped, operations);
  throw noSuchOperationError(service, operation, suggestion);
}

/**
 * `mockCall('states', 'StartExecution')`: a name that is no loaded package's own but another name of one
 * (endpoint prefix, signing name, ...) is refused when that service has the operation, since the mock could
 * never serve its calls. A name no loaded package knows, or whose operation does not fit, registers as before.
 */
function refuseOtherServiceName(key: string, operation: string, written: WrittenName): void {
  const matches = servicesAlsoNamed(key, operation);
  if (matches.length === 0) return;
  const services: OtherNameOf[] = matches.map(({ identity, kinds, operation: own }) => ({
    service: identity.service,
    serviceId: identity.serviceId,
    packageName: identity.packageName,
    modelName: identity.modelName,
    kinds,
    operation: own,
  }));
  throw otherServiceNameError(written.method, written.hintName, written.typed, operation, services);
}

/** A blob member (Lambda `Payload`) is bytes in the real SDK: a stream given for it would reach the code as one. */
export function refuseStreamsForBlobs(name: CallName, commandClass: unknown, output: unknown): void {
  if (!isPlainObject(output)) return;
  // Only an SDK command class is constructed to read its payload members; anything else is named by key.
  const sdkClass = isSdkCommandClass(commandClass) ? commandClass : undefined;
  for (const { name: member, kind } of payloadMembersByName(
    `${name.serviceKey}:${name.operation}`,
    sdkClass,
  )) {
    if (kind !== 'stream' && output[member] instanceof Readable) {
      throw streamForBlobError(member, mockCallText(name));
    }
  }
}

/** A static `returns` is checked against the service model when it is registered. */
export function checkRegisteredOutput(
  commandClass: unknown,
  name: CallName,
  output: unknown,
  hintName: string,
): void {
  if (!isPlainObject(output)) return;
  const model = isSdkCommandClass(commandClass)
    ? operationModel(new commandClass({}), () => modelSource(name.serviceKey, undefined))
    : operationModelByName(name.serviceKey, name.operation);
  if (model === undefined) return;
  const problems = outputProblems(model, output);
  if (problems.length === 0) return;
  throw outputMismatchError(name, problems, hintName);
}
