import { TripwireConfigError } from '../../../errors';
import { describeValue } from '../../../util/describe-value';
import { closestMatches, orList } from '../../../util/did-you-mean';
import { shorten } from '../../../util/guarded-read';
import { quote } from '../../../util/quote';
import { canonicalOperation } from '../mocking/registration-checks';
import type { CallInfo, CallName } from './call-info';
import {
  DOCUMENT_SERVICE,
  isSdkCommandInstance,
  nameCommand,
  nameCommandClass,
  serviceDisplayName,
  serviceKey,
  serviceNames,
} from './naming';

// No AWS service or operation name comes near this; a longer one is a mistake, and is not looked up.
const LONGEST_NAME = 128;

/**
 * A plugin's names: how registrations and assertions are named, the display form of each service it has
 * seen (the client's own `serviceId` once a call was made), and every name a call was made under, for the
 * "did you mean" of unused mocks.
 */
export class NameBook {
  private readonly displayNames = new Map<string, string>();
  private readonly called = new Set<CallName>();
  // Weak, and held by the book rather than by the shared per-class info, so that no cache keeps a plugin alive.
  private readonly noted = new WeakSet<CallInfo>();

  constructor(private readonly hintName: () => string) {}

  /** Called for every call: cheap after the first call of each kind. (`_owner` is no longer needed.) */
  noteCall(info: CallInfo): void {
    if (this.noted.has(info)) return;
    this.noted.add(info);
    this.displayNames.set(info.name.serviceKey, info.name.service);
    this.called.add(info.name);
  }

  display(key: string, fallback: string): string {
    return this.displayNames.get(key) ?? fallback;
  }

  /** The name a registration or an assertion files a call under, with the service's display form. */
  forService(service: string, operation: string): CallName {
    const names = serviceNames(service);
    let display = this.displayNames.get(names.key);
    if (display === undefined) {
      display = names.display;
      this.displayNames.set(names.key, display);
    }
    return { key: `${names.key}:${operation}`, serviceKey: names.key, service: display, operation };
  }

  /** `mockCall('s3', 'GetObject')`, `assertAwsCall({ service, operation })`: checked, then named. */
  fromStrings(service: unknown, operation: unknown, method: string): CallName {
    if (isSdkCommandInstance(service)) {
      const name = nameCommand(service);
      throw new TripwireConfigError(
        `${method}() takes the command class, not an instance: ${this.hintName()}.aws.${method}(${name.operation}Command, ${method === 'mockCall' ? '{ returns: { /* ... */ } }' : '{ params: { /* ... */ } }'}) ` +
          `(or the strings: '${name.document ? DOCUMENT_SERVICE : (name.serviceKey ?? 'service')}', '${name.operation}').`,
      );
    }
    if (
      typeof service !== 'string' ||
      service.trim() === '' ||
      typeof operation !== 'string' ||
      operation.trim() === ''
    ) {
      throw new TripwireConfigError(
        `${method}() takes the service and the operation as strings, not ${describeValue(service)} and ${describeValue(operation)}: ` +
          `${this.hintName()}.aws.${method}(${method === 'mockCall' ? "'s3', 'GetObject', { returns: { /* ... */ } }" : "{ service: 's3', operation: 'GetObject', params: { /* ... */ } }"}).`,
      );
    }
    for (const [what, text] of [
      ['service', service],
      ['operation', operation],
    ] as const) {
      if (text.length > LONGEST_NAME) {
        throw new TripwireConfigError(
          `${method}(): ${quote(shorten(text))} is too long to be ${what === 'service' ? 'a service' : 'an operation'} name. ` +
            `Give the name as the SDK spells it: ${this.hintName()}.aws.${method}(${method === 'mockCall' ? "'s3', 'GetObject', { ... }" : "{ service: 's3', operation: 'GetObject', params: { ... } }"}).`,
        );
      }
    }
    const key = serviceKey(service);
    const display = this.displayNames.get(key) ?? serviceDisplayName(service);
    return this.forService(display, canonicalOperation(key, display, operation.trim()));
  }

  /** `mockCall(GetObjectCommand)`: named from the class. */
  fromClass(commandClass: unknown, method: string): CallName {
    const name = nameCommandClass(commandClass);
    if (name?.serviceKey === undefined) {
      throw new TripwireConfigError(
        `${method}() was given ${describeValue(commandClass)}, which is not an AWS SDK v3 command class. Pass the class itself ` +
          "(GetObjectCommand, not new GetObjectCommand(...)), or the strings: mockCall('s3', 'GetObject', { ... }).",
      );
    }
    return this.forService(name.document ? DOCUMENT_SERVICE : name.serviceKey, name.operation);
  }

  /** For an unused mock: the call made instead, when one was close (`. It was never called, but ...`). */
  calledInstead(key: string, operation: string): string {
    const service = key.slice(0, key.indexOf(':'));
    const calledServices = new Set([...this.called].map((name) => name.serviceKey));
    const called = calledServices.has(service)
      ? new Set([...this.called].filter((name) => name.serviceKey === service).map((name) => name.operation))
      : undefined;
    if (called === undefined) {
      const others = closestMatches(service, calledServices).map(
        (other) => this.displayNames.get(other) ?? other,
      );
      if (others.length === 0) return '';
      return `. No ${this.displayNames.get(service) ?? service} call was made, but ${orList(others)} calls were: did you mean ${orList(others.map((other) => `'${other}'`))}?`;
    }
    if (called.has(operation)) return '';
    // Strict: two real operations (CreateMultipartUpload, CompleteMultipartUpload) are often a few edits apart.
    const matches = closestMatches(operation, called, 2);
    if (matches.length === 0) return '';
    const display = this.displayNames.get(service) ?? service;
    const calls = orList(matches.map((match) => `${display}.${match}`));
    return `. It was never called, but ${calls} ${matches.length === 1 ? 'was' : 'were'}: did you mean ${orList(matches.map((match) => `'${match}'`))}?`;
  }
}
