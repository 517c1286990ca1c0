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

// Where the base client lives, newest line first.
const BASE_CLIENT_MODULES = ['@smithy/core/client', '@smithy/smithy-client', '@aws-sdk/smithy-client'];

/**
 * Loads the project's base client module when no SDK is loaded yet, so that clients loaded later in the same
 * module registry are built on a patched class. Under plain Node a module-load hook covers late loads; under
 * Jest, whose registry has no such hook, this is what catches an SDK first required inside the sandbox.
 */
export function preloadBaseClient(): BaseClientCopy | undefined {
  for (const request of BASE_CLIENT_MODULES) {
    try {
      const file = require.resolve(request, { paths: [process.cwd()] });
      const exports: unknown = require(file);
      if (isBaseClientModule(exports)) return copyOf(exports, file);
    } catch {
      // Not installed on this SDK line: try the next.
    }
  }
  return undefined;
}
