import { describeValue } from '../../util/describe-value';
import { didYouMean } from '../../util/did-you-mean';
import { isPlainObject } from '../../util/values';
import { MissingAssertionFieldsError, TripwireConfigError } from '../../verifier/errors';
import { formatValue } from '../../verifier/format';
import type { ExpectedCall } from './call-fields';
import type { CallName } from './call-info';
import type { NameBook } from './name-book';

const ASSERTION_FIELDS = ['service', 'operation', 'params', 'raised'];

/** `assertAwsCall({ service, operation, params, raised? })`, checked and named. */
export function plainAssertion(assertion: unknown, names: NameBook, hintName: string): ExpectedCall {
  if (!isPlainObject(assertion)) {
    throw new TripwireConfigError(
      `assertAwsCall() takes { service, operation, params }, not ${describeValue(assertion)}: ` +
        `${hintName}.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });`,
    );
  }
  checkAssertionKeys(assertion);
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
  assertion: unknown,
  names: NameBook,
  hintName: string,
): ExpectedCall {
  const name = names.fromClass(commandClass, 'assertAwsCall');
  if (!isPlainObject(assertion)) {
    throw new TripwireConfigError(
      `assertAwsCall(${name.operation}Command, ...) takes { params, raised? } as its second argument: ` +
        `${hintName}.aws.assertAwsCall(${name.operation}Command, { params: { /* ... */ } });`,
    );
  }
  checkAssertionKeys(assertion);
  if (assertion.params === undefined) {
    throw new MissingAssertionFieldsError(
      `assertAwsCall(${name.operation}Command, ...) needs params: every assertion names the exact params.\n` +
        `  ${hintName}.aws.assertAwsCall(${name.operation}Command, { params: { /* ... */ } });`,
    );
  }
  return expectedCall(name, assertion);
}

function checkAssertionKeys(assertion: Record<string, unknown>): void {
  for (const key of Object.keys(assertion)) {
    if (!ASSERTION_FIELDS.includes(key)) {
      throw new TripwireConfigError(
        `assertAwsCall() has no field '${key}'.${didYouMean(key, ASSERTION_FIELDS)} Fields: ${ASSERTION_FIELDS.join(', ')}.`,
      );
    }
  }
}

function expectedCall(name: CallName, assertion: Record<string, unknown>): ExpectedCall {
  const expected: ExpectedCall = {
    service: name.service,
    serviceKey: name.serviceKey,
    operation: name.operation,
    params: assertion.params,
  };
  if ('raised' in assertion) expected.raised = assertion.raised;
  return expected;
}
