import { AllWildcardAssertionError, MissingAssertionFieldsError, TripwireConfigError } from '../../../errors';
import { describeValue } from '../../../util/describe-value';
import { didYouMean } from '../../../util/did-you-mean';
import { formatValue } from '../../../util/format';
import { describeThrown } from '../../../util/guarded-read';
import { plainAssertionHint, typedFormCode } from './hints';

interface Named {
  readonly service: string;
  readonly operation: string;
}

/** `assertAwsCall(GetObjectCommand, ...)`: how errors about a typed assertion name it. */
export function typedAssertionText(operation: string): string {
  return `assertAwsCall(${operation}Command, ...)`;
}

export function notAPlainAssertionError(given: unknown, hintName: string): Error {
  return new TripwireConfigError(
    `assertAwsCall() takes { service, operation, params }, not ${describeValue(given)}: ` +
      plainAssertionHint(
        hintName,
        "{ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } }",
      ),
  );
}

/** `example` is the assertion as given, with S3's GetObject filling in what is missing. */
export function missingFieldsError(missing: readonly string[], example: unknown, hintName: string): Error {
  return new MissingAssertionFieldsError(
    `assertAwsCall() needs ${missing.join(', ')}: every assertion names the service, the operation and the exact params.\n` +
      `  ${plainAssertionHint(hintName, formatValue(example))}`,
  );
}

export function notATypedAssertionError(operation: string, given: unknown, hintName: string): Error {
  return new TripwireConfigError(
    `${typedAssertionText(operation)} takes { params, raised? } as its second argument, not ${describeValue(given)}: ` +
      `${typedFormCode(hintName, 'assertAwsCall', operation)};`,
  );
}

export function missingTypedParamsError(operation: string, hintName: string): Error {
  return new MissingAssertionFieldsError(
    `${typedAssertionText(operation)} needs params: every assertion names the exact params.\n` +
      `  ${typedFormCode(hintName, 'assertAwsCall', operation)};`,
  );
}

/** `call` names the assertion: `assertAwsCall()` or `typedAssertionText(...)`. */
export function unreadableAssertionError(call: string, error: unknown): Error {
  return new TripwireConfigError(
    `${call}: the assertion cannot be read (${describeThrown(error)}): give a plain object.`,
  );
}

export function unknownAssertionFieldError(key: string, fields: readonly string[]): Error {
  return new TripwireConfigError(
    `assertAwsCall() has no field '${key}'.${didYouMean(key, fields)} Fields: ${fields.join(', ')}.`,
  );
}

export function assertionReadThrewError(call: string, key: string, error: unknown): Error {
  return new TripwireConfigError(
    `${call}: reading ${key} threw ${describeThrown(error)}: give ${key} as a plain value, not a getter or a Proxy.`,
  );
}

/** `problem` says why params cannot be read (a cycle, a getter that throws). */
export function unreadableParamsError(call: string, problem: string): Error {
  return new TripwireConfigError(`${call}: ${problem}. Give params as plain data (matchers are fine).`);
}

/** A typed assertion whose `service` or `operation` names another call than its class. */
export function contradictingNamesError(
  call: string,
  name: Named,
  given: { service: unknown; operation: unknown },
): Error {
  const said = [
    given.service === undefined ? undefined : `service: ${describeValue(given.service)}`,
    given.operation === undefined ? undefined : `operation: ${describeValue(given.operation)}`,
  ].filter((part) => part !== undefined);
  return new TripwireConfigError(
    `${call} asserts ${name.service}.${name.operation}, but the assertion also says ${said.join(' and ')}. ` +
      `The class names the call: drop service and operation, or assert with the plain form, assertAwsCall({ service, operation, params }).`,
  );
}

/** `hint` is the assertion to paste, indented: built from the recorded call when there is one. */
export function allWildcardError(expected: Named & { params: unknown }, hint: string): Error {
  return new AllWildcardAssertionError(
    `Assertion for ${expected.service}.${expected.operation} is made only of wildcards (${formatValue(expected.params)}), so it would pass whatever the code sent.\n` +
      `Assert the real params (use expect.objectContaining({ ... }) for an explicit partial match):\n${hint}`,
  );
}

const JSON_ARGUMENT =
  'tripwire.json() takes the value the JSON text should parse to (plain objects, arrays, strings, finite numbers, booleans, null, matchers at any depth), or one matcher for all of it';

/** `problem` says what in the argument no JSON text parses to, and where. */
export function jsonArgumentError(problem: string): Error {
  return new TripwireConfigError(
    `${JSON_ARGUMENT}: ${problem}. For example: tripwire.json({ id: 1, tags: ['a'] }) or tripwire.json(expect.objectContaining({ id: 1 })).`,
  );
}

export function unreadableJsonArgumentError(error: unknown): Error {
  return new TripwireConfigError(
    `${JSON_ARGUMENT}: reading it threw ${describeThrown(error)}. Give plain data, not getters or a Proxy.`,
  );
}
