import { orList } from '../../../util/did-you-mean';

/** Said once after the list of unused AWS mocks in `verifyAll()`'s report. */
export const UNUSED_MOCK_ADVICE =
  'Make the code under test call them, remove them, or register them with { required: false }.';

/** One unused required mock in `verifyAll()`'s report; `suggestion` is from `calledInstead...` or nothing. */
export function unusedMockDescription(
  call: { service: string; operation: string; registeredAt: string },
  times: number,
  consumed: number,
  suggestion: string,
): string {
  const count = times > 1 ? ` (${times - consumed} of times: ${times} unused)` : '';
  return `${call.service}.${call.operation}${count}, registered at ${call.registeredAt}${suggestion}`;
}

/** The mocked service was never called, but services with close names were. */
export function otherServicesCalled(service: string, others: readonly string[]): string {
  return `. No ${service} call was made, but ${orList(others)} calls were: did you mean ${orList(others.map((other) => `'${other}'`))}?`;
}

/** The mocked operation was never called, but operations of the same service with close names were. */
export function otherOperationsCalled(service: string, operations: readonly string[]): string {
  const calls = orList(operations.map((operation) => `${service}.${operation}`));
  return `. It was never called, but ${calls} ${operations.length === 1 ? 'was' : 'were'}: did you mean ${orList(operations.map((operation) => `'${operation}'`))}?`;
}
