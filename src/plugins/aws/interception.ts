import Module from 'node:module';
import { processWide } from '../../util/process-wide';
import { currentRoute, type Route, type RouteTarget } from '../../verifier/sandbox';
import { activateNetworkGuard, deactivateNetworkGuard } from './network-guard';
import {
  type BaseClientCopy,
  copyOf,
  findBaseClientCopies,
  isBaseClientModule,
  preloadBaseClient,
} from './sdk-copies';

export type SendFunction = (this: unknown, ...args: unknown[]) => unknown;

/** What the plugin of the routed verifier does with an intercepted `send`. */
export interface SendHandler {
  handleSend(
    route: Route,
    client: object,
    command: unknown,
    optionsOrCallback: unknown,
    maybeCallback: unknown,
    original: SendFunction,
  ): unknown;
}

interface PatchRecord {
  readonly original: SendFunction;
  readonly patched: SendFunction;
  readonly copy: BaseClientCopy;
}

interface InterceptionState {
  readonly patches: Map<object, PatchRecord>;
  /** The sets of copies already warned about, so each is reported once. */
  readonly warnedCopies: Set<string>;
  users: number;
  removeLoadHook: (() => void) | undefined;
}

// Process-wide, so that copies of ts-tripwire loaded side by side never patch a prototype twice and
// restore exactly what was there.
const state = processWide<InterceptionState>('aws-interception.v2', () => ({
  patches: new Map(),
  warnedCopies: new Set(),
  users: 0,
  removeLoadHook: undefined,
}));

/** Patches `send` on every loaded copy of the SDK's base client, and on copies loaded from now on. */
export function activateInterception(): void {
  state.users++;
  activateNetworkGuard();
  if (state.users === 1) state.removeLoadHook = installLoadHook();
  const copies = findBaseClientCopies();
  if (copies.length === 0) {
    const preloaded = preloadBaseClient();
    if (preloaded !== undefined) copies.push(preloaded);
  }
  for (const copy of copies) patch(copy);
  warnAboutSeveralCopies();
}

/** Undoes one `activateInterception`; the last one restores every prototype exactly. */
export function deactivateInterception(): void {
  if (state.users === 0) return;
  state.users--;
  deactivateNetworkGuard();
  if (state.users > 0) return;
  forgetLastHandler();
  for (const [prototype, record] of state.patches) {
    const target = prototype as { send: SendFunction };
    if (target.send === record.patched) target.send = record.original;
  }
  state.patches.clear();
  state.removeLoadHook?.();
  state.removeLoadHook = undefined;
}

/** The copy of the SDK core a client is built on, when that copy is patched. */
export function baseCopyOf(client: object): BaseClientCopy | undefined {
  for (
    let prototype = Object.getPrototypeOf(client);
    prototype !== null;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    const record = state.patches.get(prototype);
    if (record !== undefined) return record.copy;
  }
  return undefined;
}

// The handler of the last verifier a call went to: a test sends all its calls to one verifier.
let lastTarget: RouteTarget | undefined;
let lastHandler: SendHandler | undefined;

function handlerOf(target: RouteTarget): SendHandler {
  if (target !== lastTarget || lastHandler === undefined) {
    lastHandler = target.pluginByName('aws') as SendHandler;
    lastTarget = target;
  }
  return lastHandler;
}

/** Lets go of the last verifier, which may hold a large timeline, once interception is off. */
function forgetLastHandler(): void {
  lastTarget = undefined;
  lastHandler = undefined;
}

function patch(copy: BaseClientCopy): void {
  if (state.patches.has(copy.prototype)) return;
  const target = copy.prototype as { send: SendFunction };
  const original = target.send;
  const patched = function send(
    this: unknown,
    command: unknown,
    optionsOrCallback: unknown,
    maybeCallback: unknown,
  ) {
    const route = currentRoute();
    // biome-ignore lint/complexity/noArguments: passes the call through exactly as it was made
    if (route === undefined) return original.apply(this, arguments as unknown as unknown[]);
    return handlerOf(route.target).handleSend(
      route,
      this as object,
      command,
      optionsOrCallback,
      maybeCallback,
      original,
    );
  };
  state.patches.set(copy.prototype, { original, patched, copy });
  target.send = patched;
}

/**
 * Several copies of the base client (nested installs, mixed SDK lines) all work under ts-tripwire, but each
 * has its own exception classes, so `instanceof` between them fails in production code too. Say so once.
 */
function warnAboutSeveralCopies(): void {
  // The same file twice is a module-registry reset (Jest), not a second install: nothing to say.
  const files = [...new Set([...state.patches.values()].map((record) => record.copy.file))].sort();
  if (files.length < 2 || state.warnedCopies.has(files.join('\n'))) return;
  state.warnedCopies.add(files.join('\n'));
  console.warn(
    `ts-tripwire: ${files.length} copies of the AWS SDK's base client are loaded; calls through each are intercepted.\n` +
      files.map((file) => `  ${file}`).join('\n') +
      '\nClients built on different copies have different error classes, so `instanceof` checks can fail between them. ' +
      'Align the @aws-sdk/* versions and run `npm dedupe` to load one copy.',
  );
}

type LoadFunction = (request: string, parent: unknown, isMain: boolean) => unknown;
interface ModuleInternals {
  _load: LoadFunction;
  _resolveFilename(request: string, parent: unknown, isMain: boolean): string;
}

/** Patches copies of the base client that Node loads while interception is on (lazy and nested requires). */
function installLoadHook(): () => void {
  const internals = Module as unknown as ModuleInternals;
  const originalLoad = internals._load;
  const hookedLoad: LoadFunction = function (this: unknown, request, parent, isMain) {
    const exports = originalLoad.call(this, request, parent, isMain);
    if (request.includes('smithy') && isBaseClientModule(exports)) {
      const Client = exports.Client as { prototype: object };
      if (!state.patches.has(Client.prototype)) {
        patch(copyOf(exports, internals._resolveFilename(request, parent, isMain)));
        warnAboutSeveralCopies();
      }
    }
    return exports;
  };
  internals._load = hookedLoad;
  return () => {
    if (internals._load === hookedLoad) internals._load = originalLoad;
  };
}
