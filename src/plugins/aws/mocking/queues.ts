import type { CallSite } from '../../../util/call-site';
import type { Outcome } from './mock-spec';

/** One registration (`times` entries of it may be queued). */
export interface Registration {
  readonly service: string;
  readonly operation: string;
  readonly outcome: Outcome;
  readonly required: boolean;
  readonly times: number;
  readonly registeredAt: CallSite;
  consumed: number;
}

interface Queue {
  /** Registrations in order; each serves `times` calls before the next one's turn. */
  readonly registrations: Registration[];
  head: number;
  /** Entries ever queued under the key, counting `times`. */
  queued: number;
}

/** A FIFO queue of registered outcomes per `service:operation` key. */
export class MockQueues {
  private readonly queues = new Map<string, Queue>();
  private readonly registrations: Array<{ key: string; registration: Registration }> = [];

  add(key: string, registration: Registration): void {
    let queue = this.queues.get(key);
    if (queue === undefined) {
      queue = { registrations: [], head: 0, queued: 0 };
      this.queues.set(key, queue);
    }
    queue.registrations.push(registration);
    queue.queued += registration.times;
    this.registrations.push({ key, registration });
  }

  /** Consumes the head of the key's queue. */
  take(key: string): Registration | undefined {
    const queue = this.queues.get(key);
    if (queue === undefined || queue.head >= queue.registrations.length) return undefined;
    const registration = queue.registrations[queue.head]!;
    registration.consumed++;
    if (registration.consumed === registration.times) queue.head++;
    return registration;
  }

  /** Forgets every registration (the verifier was disposed). */
  clear(): void {
    this.queues.clear();
    this.registrations.length = 0;
  }

  /** How many entries were ever queued for the key. */
  queuedCount(key: string): number {
    return this.queues.get(key)?.queued ?? 0;
  }

  /** Registrations with required entries left, in registration order. */
  unusedRequired(): Array<{ key: string; registration: Registration }> {
    return this.registrations.filter(
      ({ registration }) => registration.required && registration.consumed < registration.times,
    );
  }
}
