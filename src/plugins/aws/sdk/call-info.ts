import { guardedRead } from '../../../util/guarded-read';
import type { BaseClientCopy } from '../interception/sdk-copies';
import { notACommandError } from '../messages/call-errors';
import { DOCUMENT_SERVICE, isSdkCommandInstance, nameCommand, serviceNames } from './naming';
import { type PayloadMembers, payloadMembers } from './payload-members';
import type { OperationModel } from './service-model';

/** How a call is named: `key` is `serviceKey:operation`, the queue it is served from. */
export interface CallName {
  readonly key: string;
  readonly serviceKey: string;
  readonly service: string;
  readonly operation: string;
}

/** Everything about a call that depends only on its command class and its client's service: computed once. */
export interface CallInfo {
  readonly name: CallName;
  readonly members: PayloadMembers;
  readonly copy: BaseClientCopy | undefined;
  /** The operation's model, read on first validation; `null` when the SDK line has none. */
  model: OperationModel | null | undefined;
  /** Params the call may carry beyond its model's (see `toleratedParams`), read with the model. */
  toleratedParams: ReadonlySet<string> | undefined;
}

const infoByCommandClass = new WeakMap<object, Map<unknown, CallInfo>>();

// The last answer: code under test usually repeats one call in a loop (pages, parts, items).
let last: { commandClass: object; serviceId: unknown; info: CallInfo } | undefined;

export function callInfo(client: object, command: unknown, copy: BaseClientCopy | undefined): CallInfo {
  if (command === null || typeof command !== 'object') throw notACommand(client, command);
  let commandClass: object;
  try {
    commandClass = command.constructor;
  } catch {
    throw notACommand(client, command); // a Proxy whose traps throw
  }
  if (typeof commandClass !== 'function') throw notACommand(client, command);
  const serviceId = (client as { config?: { serviceId?: unknown } }).config?.serviceId;
  if (last !== undefined && last.commandClass === commandClass && last.serviceId === serviceId)
    return last.info;
  let byService = infoByCommandClass.get(commandClass);
  if (byService === undefined) {
    byService = new Map();
    infoByCommandClass.set(commandClass, byService);
  }
  let info = byService.get(serviceId);
  if (info === undefined) {
    info = describeCall(client, command, serviceId, copy);
    byService.set(serviceId, info);
  }
  last = { commandClass, serviceId, info };
  return info;
}

function describeCall(
  client: object,
  command: object,
  serviceId: unknown,
  copy: BaseClientCopy | undefined,
): CallInfo {
  // Once per command class: anything else sent would be named after its own class (`s3.Object`).
  if (!isSdkCommandInstance(command)) throw notACommand(client, command);
  const commandName = nameCommand(command);
  const service = commandName.document
    ? DOCUMENT_SERVICE
    : typeof serviceId === 'string'
      ? serviceId
      : (commandName.serviceKey ?? 'unknown');
  const names = serviceNames(service);
  const name = {
    key: `${names.key}:${commandName.operation}`,
    serviceKey: names.key,
    service: names.display,
    operation: commandName.operation,
  };
  return {
    name,
    members: payloadMembers(command as { constructor: object }, name.key),
    copy,
    model: undefined,
    toleratedParams: undefined,
  };
}

function notACommand(client: object, command: unknown): Error {
  const clientName = guardedRead(() => Object.getPrototypeOf(client)?.constructor?.name);
  const sender = clientName.ok && typeof clientName.value === 'string' ? clientName.value : 'client';
  return notACommandError(sender, command);
}
