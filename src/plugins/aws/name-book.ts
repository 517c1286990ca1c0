import { describeValue } from '../../util/describe-value';
import { closestMatch } from '../../util/did-you-mean';
import { TripwireConfigError } from '../../verifier/errors';
import type { CallInfo, CallName } from './call-info';
import {
  DOCUMENT_SERVICE,
  nameCommand,
  nameCommandClass,
  serviceDisplayName,
  serviceKey,
  serviceNames,
} from './naming';
import { canonicalOperation, isCommandInstance } from './registration-checks';

/**
 * A plugin's names: how registrations and assertions are named, the display form of each service it has
 * seen (the client's own `serviceId` once a call was made), and every name a call was made under, for the
 * "did you mean" of unused mocks.
 */
export class NameBook {
  private readonly displayNames = new Map<string, string>();
  private readonly called = new Set<CallName>();

  constructor(private readonly hintName: () => string) {}

  /** Called for every call: cheap after the first call of each kind. */
  noteCall(info: CallInfo, owner: object): void {
    if (info.notedBy === owner) return;
    info.notedBy = owner;
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
    if (isCommandInstance(service)) {
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
    const key = serviceKey(service);
    const display = this.displayNames.get(key) ?? serviceDisplayName(service);
    return this.forService(display, canonicalOperation(key, display, operation.trim()));
  }

  /** `mockCall(GetObjectCommand)`: named from the class. */
  fromClass(commandClass: unknown, method: string): CallName {
    let name: ReturnType<typeof nameCommandClass> | undefined;
    try {
      name = nameCommandClass(commandClass as new (input: object) => object);
    } catch {
      name = undefined;
    }
    if (name?.serviceKey === undefined) {
      throw new TripwireConfigError(
        `${method}() was given a function that is not an AWS SDK v3 command class. Pass the class itself ` +
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
      const otherService = closestMatch(service, calledServices);
      if (otherService === undefined) return '';
      const display = this.displayNames.get(otherService) ?? otherService;
      return `. No ${this.displayNames.get(service) ?? service} call was made, but ${display} calls were: did you mean '${display}'?`;
    }
    if (called.has(operation)) return '';
    // Strict: two real operations (CreateMultipartUpload, CompleteMultipartUpload) are often a few edits apart.
    const match = closestMatch(operation, called, 2);
    if (match === undefined) return '';
    return `. It was never called, but ${this.displayNames.get(service) ?? service}.${match} was: did you mean '${match}'?`;
  }
}
