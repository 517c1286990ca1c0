import { Readable } from 'node:stream';
import { TripwireConfigError } from '../../../errors';
import { didYouMean } from '../../../util/did-you-mean';
import { shorten } from '../../../util/guarded-read';
import { isPlainObject } from '../../../util/values';
import type { CallName } from '../sdk/call-info';
import { knownOperations } from '../sdk/client-packages';
import { DOCUMENT_OPERATION_NAMES, DOCUMENT_SERVICE_KEY, isSdkCommandClass } from '../sdk/naming';
import { payloadMembersByName } from '../sdk/payload-members';
import { modelSource, operationModel, operationModelByName } from '../sdk/service-model';
import { outputProblems } from '../sdk/validation';

/** Resolves `'GetObjectCommand'` to `'GetObject'` unless the service really has an operation of that name. */
export function canonicalOperation(key: string, service: string, operation: string): string {
  const operations = knownOperations(key);
  if (operations === undefined || operations.has(operation)) return operation;
  const stripped = operation.replace(/Command$/, '');
  if (operations.has(stripped)) return stripped;
  const documentName = key === DOCUMENT_SERVICE_KEY ? DOCUMENT_OPERATION_NAMES[stripped] : undefined;
  const suggestion = documentName
    ? ` Did you mean '${documentName}'? The document client names ${stripped} '${documentName}'.`
    : didYouMean(stripped, operations);
  throw new TripwireConfigError(
    `${service} has no operation '${shorten(operation)}'.${suggestion} ` +
      `Operations are command class names without 'Command' (GetObjectCommand → 'GetObject').`,
  );
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
      throw new TripwireConfigError(
        `mockCall('${name.service}', '${name.operation}', ...): ${member} is a blob, not a stream: give it as a string or bytes.`,
      );
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
  throw new TripwireConfigError(
    `mockCall('${name.service}', '${name.operation}', ...): returns does not match the ${name.operation} output of the installed SDK:\n` +
      problems.map((problem) => `  - ${problem}`).join('\n') +
      `\nFix the output; or, if the model is wrong, turn validation off: ${hintName}.configure({ validate: false });`,
  );
}
