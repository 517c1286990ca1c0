import { closestMatches } from '../../../util/did-you-mean';
import type { AwsMethod } from '../messages/hints';
import {
  commandInstanceError,
  nameTooLongError,
  notACommandClassError,
  notStringsError,
} from '../messages/naming-errors';
import { otherOperationsCalled, otherServicesCalled } from '../messages/unused-mocks';
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
import { servicesAlsoNamed } from './service-aliases';

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
  private lastNoted: CallInfo | undefined;

  constructor(private readonly hintName: () => string) {}

  /** Called for every call: cheap after the first call of each kind. (`_owner` is no longer needed.) */
  noteCall(info: CallInfo): void {
    // Calls come in runs of one operation: the last one noted answers without a WeakSet lookup.
    if (info === this.lastNoted) return;
    this.lastNoted = info;
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
  fromStrings(service: unknown, operation: unknown, method: AwsMethod): CallName {
    if (isSdkCommandInstance(service)) {
      const name = nameCommand(service);
      const strings = name.document ? DOCUMENT_SERVICE : (name.serviceKey ?? 'service');
      throw commandInstanceError(method, this.hintName(), name.operation, strings);
    }
    if (
      typeof service !== 'string' ||
      service.trim() === '' ||
      typeof operation !== 'string' ||
      operation.trim() === ''
    ) {
      throw notStringsError(method, this.hintName(), service, operation);
    }
    for (const [what, text] of [
      ['service', service],
      ['operation', operation],
    ] as const) {
      if (text.length > LONGEST_NAME) {
        throw nameTooLongError(method, this.hintName(), what, text);
      }
    }
    const key = serviceKey(service);
    const display = this.displayNames.get(key) ?? serviceDisplayName(service);
    const written = { typed: service.trim(), method, hintName: this.hintName() };
    return this.forService(display, canonicalOperation(key, display, operation.trim(), written));
  }

  /** `mockCall(GetObjectCommand)`: named from the class. */
  fromClass(commandClass: unknown, method: AwsMethod): CallName {
    const name = nameCommandClass(commandClass);
    if (name?.serviceKey === undefined) {
      throw notACommandClassError(method, commandClass);
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
      // A package loaded after the registration: `states` is then known as sfn's endpoint prefix.
      const named = servicesAlsoNamed(service, operation)
        .map((match) => match.identity.serviceKey)
        .filter((other) => calledServices.has(other));
      const others = (named.length > 0 ? named : closestMatches(service, calledServices)).map(
        (other) => this.displayNames.get(other) ?? other,
      );
      if (others.length === 0) return '';
      return otherServicesCalled(this.displayNames.get(service) ?? service, others);
    }
    if (called.has(operation)) return '';
    // Strict: two real operations (CreateMultipartUpload, CompleteMultipartUpload) are often a few edits apart.
    const matches = closestMatches(operation, called, 2);
    if (matches.length === 0) return '';
    return otherOperationsCalled(this.displayNames.get(service) ?? service, matches);
  }
}
