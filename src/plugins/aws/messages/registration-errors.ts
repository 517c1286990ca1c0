import { TripwireConfigError } from '../../../errors';
import { describeValue } from '../../../util/describe-value';
import { validationOffHint } from './hints';
import { bulleted } from './validation-problems';

interface Named {
  readonly service: string;
  readonly operation: string;
}

/** `mockCall('s3', 'GetObject', ...)`: how registration errors name the registration. */
export function mockCallText(name: Named): string {
  return `mockCall('${name.service}', '${name.operation}', ...)`;
}

/** A registration refused: `mockCall('s3', 'GetObject', ...): <problem>`. */
export function registrationError(callText: string, problem: string): TripwireConfigError {
  return new TripwireConfigError(`${callText}: ${problem}`);
}

/** A Readable given for a blob member (Lambda `Payload`), which the real SDK returns as bytes. */
export function streamForBlobError(member: string, callText?: string): Error {
  const problem = `${member} is a blob, not a stream: give it as a string or bytes.`;
  return callText === undefined ? new TripwireConfigError(problem) : registrationError(callText, problem);
}

/** A static `returns` that the installed SDK's model of the output refuses. */
export function outputMismatchError(name: Named, problems: readonly string[], hintName: string): Error {
  return registrationError(
    mockCallText(name),
    `returns does not match the ${name.operation} output of the installed SDK:\n${bulleted(problems)}` +
      `\nFix the output; or, if the model is wrong, turn validation off: ${validationOffHint(hintName)}`,
  );
}

/** A `returns` function gave something other than an output object. */
export function returnsFunctionError(name: Named, produced: unknown): Error {
  return new TripwireConfigError(
    `The returns function for ${name.service}.${name.operation} produced ${describeValue(produced)}; it must return the output object ({} for an empty one).`,
  );
}

/** A `raises` function gave something other than an error: the call rejects with this instead. */
export function raisesFunctionError(name: Named, produced: unknown): Error {
  return new TripwireConfigError(
    `The raises function for ${name.service}.${name.operation} returned ${describeValue(produced)}; it must return an Error, ` +
      "which the call then rejects with: raises: (params) => new Error('...'). To fail with a service error, give its code: raises: 'NoSuchKey'.",
  );
}
