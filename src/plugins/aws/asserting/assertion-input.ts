import { guardedRead } from '../../../util/guarded-read';
import { isPlainObject, type PlainObject, readProblem } from '../../../util/values';
import {
  assertionReadThrewError,
  contradictingNamesError,
  missingFieldsError,
  missingTypedParamsError,
  notAPlainAssertionError,
  notATypedAssertionError,
  typedAssertionText,
  unknownAssertionFieldError,
  unreadableAssertionError,
  unreadableParamsError,
} from '../messages/assertion-errors';
import type { CallName } from '../sdk/call-info';
import type { NameBook } from '../sdk/name-book';
import type { ExpectedCall } from './call-fields';

const ASSERTION_FIELDS = ['service', 'operation', 'params', 'raised'];

/** `assertAwsCall({ service, operation, params, raised? })`, checked and named. */
export function plainAssertion(given: unknown, names: NameBook, hintName: string): ExpectedCall {
  const assertion = readAssertion(given, 'assertAwsCall()');
  if (assertion === undefined) throw notAPlainAssertionError(given, hintName);
  const missing = ['service', 'operation', 'params'].filter((field) => assertion[field] === undefined);
  if (missing.length > 0) {
    const example = {
      service: assertion.service ?? 's3',
      operation: assertion.operation ?? 'GetObject',
      params: assertion.params ?? { Bucket: 'b', Key: 'k' },
    };
    throw missingFieldsError(missing, example, hintName);
  }
  const name = names.fromStrings(assertion.service, assertion.operation, 'assertAwsCall');
  return expectedCall(name, assertion);
}

/** `assertAwsCall(GetObjectCommand, { params, raised? })`, checked and named. */
export function typedAssertion(
  commandClass: unknown,
  given: unknown,
  names: NameBook,
  hintName: string,
): ExpectedCall {
  const name = names.fromClass(commandClass, 'assertAwsCall');
  const call = typedAssertionText(name.operation);
  const assertion = readAssertion(given, call);
  if (assertion === undefined) throw notATypedAssertionError(name.operation, given, hintName);
  refuseContradictingNames(assertion, name, names, call);
  if (assertion.params === undefined) throw missingTypedParamsError(name.operation, hintName);
  return expectedCall(name, assertion);
}

/**
 * The assertion's own fields, each read once inside a guard (a getter or Proxy that throws is a clear
 * error naming the field), with unknown fields refused; undefined when it is not a plain object at all.
 */
function readAssertion(given: unknown, call: string): PlainObject | undefined {
  const plain = guardedRead(() => isPlainObject(given));
  const keys = plain.ok && plain.value ? guardedRead(() => Object.keys(given as object)) : undefined;
  if (keys === undefined) return undefined;
  if (!keys.ok) throw unreadableAssertionError(call, keys.error);
  const fields: PlainObject = {};
  for (const key of keys.value) {
    if (!ASSERTION_FIELDS.includes(key)) throw unknownAssertionFieldError(key, ASSERTION_FIELDS);
    const read = guardedRead(() => (given as PlainObject)[key]);
    if (!read.ok) throw assertionReadThrewError(call, key, read.error);
    fields[key] = read.value;
  }
  const problem = readProblem(fields.params, 'params');
  if (problem !== undefined) throw unreadableParamsError(call, problem);
  return fields;
}

/** The typed form names the call by its class: a `service` or `operation` beside it must agree. */
function refuseContradictingNames(
  assertion: PlainObject,
  name: CallName,
  names: NameBook,
  call: string,
): void {
  const { service, operation } = assertion;
  if (service === undefined && operation === undefined) return;
  const given = guardedRead(() =>
    names.fromStrings(
      service === undefined ? name.service : service,
      operation === undefined ? name.operation : operation,
      'assertAwsCall',
    ),
  );
  if (given.ok && given.value.key === name.key) return;
  throw contradictingNamesError(call, name, { service, operation });
}

function expectedCall(name: CallName, assertion: Record<string, unknown>): ExpectedCall {
  const expected: ExpectedCall = {
    service: name.service,
    serviceKey: name.serviceKey,
    operation: name.operation,
    params: assertion.params,
  };
  // `raised: undefined` counts as absent, as every undefined value does.
  if (assertion.raised !== undefined) expected.raised = assertion.raised;
  return expected;
}
