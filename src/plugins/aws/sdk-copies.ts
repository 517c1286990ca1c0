import { loadedModulesMatching } from './loaded-modules';

/** A loaded copy of the SDK's base `Client` class (the owner of `send`). */
export interface BaseClientCopy {
  readonly prototype: object;
  /** The module that exports it, for its siblings (`ServiceException`) and to resolve packages next to it. */
  readonly exports: Record<string, unknown>;
  readonly file: string;
}

// @smithy/core/client (3.1046+), @smithy/smithy-client (3.363+), @aws-sdk/smithy-client (older).
const BASE_CLIENT_PATH = /[\\/]@(?:smithy[\\/](?:core|smithy-client)|aws-sdk[\\/]smithy-client)[\\/]/;

export function isBaseClientModule(exports: unknown): exports is Record<string, unknown> {
  if (exports === null || typeof exports !== 'object') return false;
  const { Client, Command } = exports as { Client?: unknown; Command?: unknown };
  return (
    typeof Client === 'function' &&
    typeof Command === 'function' &&
    typeof (Client.prototype as { send?: unknown } | undefined)?.send === 'function'
  );
}

/** Every copy of the base client class among the loaded modules. */
export function findBaseClientCopies(): BaseClientCopy[] {
  const copies: BaseClientCopy[] = [];
  for (const [file, exports] of loadedModulesMatching(BASE_CLIENT_PATH)) {
    if (isBaseClientModule(exports)) copies.push(copyOf(exports, file));
  }
  return copies;
}

export function copyOf(exports: Record<string, unknown>, file: string): BaseClientCopy {
  return { prototype: ownerOfSend((exports.Client as { prototype: object }).prototype), exports, file };
}

function ownerOfSend(prototype: object): object {
  let owner: object | null = prototype;
  while (owner !== null && !Object.hasOwn(owner, 'send')) owner = Object.getPrototypeOf(owner);
  return owner ?? prototype;
}
