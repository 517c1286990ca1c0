import Module from 'node:module';
import { acrossRealms, processWide } from '../../util/process-wide';
import { currentRoute, type Route, type RouteTarget } from '../../verifier/sandbox';
import { ACKNOWLEDGE_COPIES, severalCopiesWarning } from './messages';
import { installNetworkGuard } from './network-guard';
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
  /** Patched prototypes, kept weakly: a Jest test file's SDK copy goes away with its module registry. */
  readonly patches: WeakMap<object, PatchRecord>;
  /** The files of the patched copies, for the warning about several copies. */
  readonly patchedFiles: Set<string>;
  /** Open sandboxes and guards of every verifier: the module-load hook is on while there is one. */
  users: number;
  removeLoadHook: (() => void) | undefined;
}

// Shared by the copies of ts-tripwire in this realm, so that they never patch a prototype twice.
const state = processWide<InterceptionState>('aws-interception.v3', () => ({
  patches: new WeakMap(),
  patchedFiles: new Set(),
  users: 0,
  removeLoadHook: undefined,
}));

// Each set of copies is reported once per process, not once per Jest test file.
const warnedCopies = acrossRealms<Set<string>>('aws-warned-sdk-copies.v1', () => new Set());

/**
 * Patches `send` on every loaded copy of the SDK's base client, and on copies loaded while a sandbox or a
 * guard is open. A patch, once made, stays: work started inside a sandbox may call AWS at any later time (a
 * timer, a promise chain), and that call must be refused, not sent. A patched `send` whose call comes from
 * no sandbox and meets no guard passes it to the SDK unchanged, so the library changes nothing for it.
 */
export function activateInterception(): void {
  state.users++;
  installNetworkGuard();
  if (state.users === 1) state.removeLoadHook = installLoadHook();
  const copies = findBaseClientCopies();
  if (copies.length === 0) {
    const preloaded = preloadBaseClient();
    if (preloaded !== undefined) copies.push(preloaded);
  }
  for (const copy of copies) patch(copy);
  warnAboutSeveralCopies();
}

/** Undoes one `activateInterception`: the last one removes the module-load hook. Patches stay (see above). */
export function deactivateInterception(): void {
  if (state.users === 0) return;
  state.users--;
  if (state.users > 0) return;
  forgetLastHandler();
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

/** Lets go of the last verifier, which may hold a large timeline, once no sandbox or guard is open. */
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
  state.patchedFiles.add(copy.file);
  target.send = patched;
}

/**
 * Several copies of the base client (nested installs, mixed SDK lines) all work under ts-tripwire, but each
 * has its own exception classes, so `instanceof` between them fails in production code too. Say so once.
 */
function warnAboutSeveralCopies(): void {
  // The same file twice is a module-registry reset (Jest), not a second install: nothing to say.
  const files = [...state.patchedFiles].sort();
  if (files.length < 2 || warnedCopies.has(files.join('\n'))) return;
  warnedCopies.add(files.join('\n'));
  if (process.env[ACKNOWLEDGE_COPIES] === String(files.length)) return;
  console.warn(severalCopiesWarning(files));
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
