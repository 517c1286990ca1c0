import { MissingAssertionFieldsError, TripwireConfigError } from '../../../errors';
import { describeValue } from '../../../util/describe-value';
import { didYouMean } from '../../../util/did-you-mean';
import { formatValue } from '../../../util/format';
import { describeThrown, guardedRead } from '../../../util/guarded-read';
import { isPlainObject, type PlainObject, readProblem } from '../../../util/values';
import type { CallName } from '../sdk/call-info';
import type { NameBook } from '../sdk/name-book';
import type { ExpectedCall } from './call-fields';

const ASSERTION_FIELDS = ['service', 'operation', 'params', 'raised'];

/** `assertAwsCall({ service, operation, params, raised? })`, checked and named. */
export function plainAssertion(given: unknown, names: NameBook, hintName: string): ExpectedCall {
  const assertion = readAssertion(given, 'assertAwsCall()');
  if (assertion === undefined) {
    throw new TripwireConfigError(
      `assertAwsCall() takes { service, operation, params }, not ${describeValue(given)}: ` +
        `${hintName}.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });`,
    );
  }
  const missing = ['service', 'operation', 'params'].filter((field) => assertion[field] === undefined);
  if (missing.length > 0) {
    const example = {
      service: assertion.service ?? 's3',
      operation: assertion.operation ?? 'GetObject',
      params: assertion.params ?? { Bucket: 'b', Key: 'k' },
    };
    throw new MissingAssertionFieldsError(
      `assertAwsCall() needs ${missing.join(', ')}: every assertion names the service, the operation and the exact params.\n` +
        `  ${hintName}.aws.assertAwsCall(${formatValue(example)});`,
    );
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
  const call = `assertAwsCall(${name.operation}Command, ...)`;
  const assertion = readAssertion(given, call);
  if (assertion === undefined) {
    throw new TripwireConfigError(
      `${call} takes { params, raised? } as its second argument, not ${describeValue(given)}: ` +
        `${hintName}.aws.assertAwsCall(${name.operation}Command, { params: { /* ... */ } });`,
    );
  }
  refuseContradictingNames(assertion, name, names, call);
  if (assertion.params === undefined) {
    throw new MissingAssertionFieldsError(
      `assertAwsCall(${name.operation}Command, ...) needs params: every assertion names the exact params.\n` +
        `  ${hintName}.aws.assertAwsCall(${name.operation}Command, { params: { /* ... */ } });`,
    );
  }
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
  if (!keys.ok)
    throw new TripwireConfigError(
      `${call}: the assertion cannot be read (${describeThrown(keys.error)}): give a plain object.`,
    );
  const fields: PlainObject = {};
  for (const key of keys.value) {
    if (!ASSERTION_FIELDS.includes(key)) {
      throw new TripwireConfigError(
        `assertAwsCall() has no field '${key}'.${didYouMean(key, ASSERTION_FIELDS)} Fields: ${ASSERTION_FIELDS.join(', ')}.`,
      );
    }
    const read = guardedRead(() => (given as PlainObject)[key]);
    if (!read.ok) {
      throw new TripwireConfigError(
        `${call}: reading ${key} threw ${describeThrown(read.error)}: give ${key} as a plain value, not a getter or a Proxy.`,
      );
    }
    fields[key] = read.value;
  }
  const problem = readProblem(fields.params, 'params');
  if (problem !== undefined) {
    throw new TripwireConfigError(`${call}: ${problem}. Give params as plain data (matchers are fine).`);
  }
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
  const said = [
    service === undefined ? undefined : `service: ${describeValue(service)}`,
    operation === undefined ? undefined : `operation: ${describeValue(operation)}`,
  ].filter((part) => part !== undefined);
  throw new TripwireConfigError(
    `${call} asserts ${name.service}.${name.operation}, but the assertion also says ${said.join(' and ')}. ` +
      `The class names the call: drop service and operation, or assert with the plain form, assertAwsCall({ service, operation, params }).`,
  );
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
