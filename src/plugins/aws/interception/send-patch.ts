import Module from 'node:module';
import { patch } from '../../../util/patch';
import { acrossRealms, processWide } from '../../../util/process-wide';
import { currentRoute, type Route } from '../../contract/routing';
import { ACKNOWLEDGE_COPIES, severalCopiesWarning } from '../messages/warnings';
import { installNetworkGuard } from './network-guard';
import { type AwsRouteHandler, awsHandlerFor } from './route-handler';
import {
  type BaseClientCopy,
  copyOf,
  findBaseClientCopies,
  isBaseClientModule,
  preloadBaseClient,
} from './sdk-copies';

export type SendFunction = (this: unknown, ...args: unknown[]) => unknown;

/** One call of a patched `send`, as the interceptor reports it: everything the handler needs, once. */
export class InterceptedSend {
  /** `send(command, options)` or `send(command, options, callback)`; `undefined` otherwise. */
  readonly options: unknown;
  /** `send(command, callback)` or `send(command, options, callback)`; `undefined` otherwise. */
  readonly callback: unknown;

  constructor(
    readonly client: object,
    readonly command: unknown,
    private readonly optionsOrCallback: unknown,
    private readonly maybeCallback: unknown,
    /** How many arguments `send` was given, so a pass-through repeats the call exactly. */
    private readonly argumentCount: number,
    /** The copy of the SDK core whose `send` was called. */
    readonly copy: BaseClientCopy,
    private readonly original: SendFunction,
  ) {
    const callbackSecond = typeof optionsOrCallback === 'function';
    this.options = callbackSecond ? undefined : optionsOrCallback;
    this.callback = callbackSecond ? optionsOrCallback : maybeCallback;
  }

  /** The SDK's own `send` with the call's command and options but no callback: its promise. */
  sendForPromise(): Promise<unknown> {
    const args = this.options === undefined ? [this.command] : [this.command, this.options];
    return new Promise((resolve) => resolve(Reflect.apply(this.original, this.client, args)));
  }

  /** The SDK's own `send`, applied to the call exactly as it was made. */
  passThrough(): unknown {
    const args = [this.command, this.optionsOrCallback, this.maybeCallback].slice(0, this.argumentCount);
    return Reflect.apply(this.original, this.client, args);
  }
}

interface InterceptionState {
  /** Patched prototypes, kept weakly: a Jest test file's SDK copy goes away with its module registry. */
  readonly patched: WeakSet<object>;
  /** The files of the patched copies, for the warning about several copies. */
  readonly patchedFiles: Set<string>;
  /** Open sandboxes and guards of every verifier. */
  users: number;
  /** Node's own module registry is watched: every copy it loads from then on is patched as it loads. */
  watchingNodeRegistry: boolean;
  /** The copies the last look found in a registry Node does not load (Jest's). */
  found: readonly BaseClientCopy[];
}

// Shared by the copies of ts-tripwire in this realm, so that they never patch a prototype twice.
const state = processWide<InterceptionState>('aws-interception.v5', () => ({
  patched: new WeakSet(),
  patchedFiles: new Set(),
  users: 0,
  watchingNodeRegistry: false,
  found: [],
}));

// Each set of copies is reported once per process, not once per Jest test file.
const warnedCopies = acrossRealms<Set<string>>('aws-warned-sdk-copies.v1', () => new Set());

interface ModuleInternals {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
  _resolveFilename(request: string, parent: unknown, isMain: boolean): string;
  readonly _cache: unknown;
}

const nodeModules = Module as unknown as ModuleInternals;
// Under plain Node and Vitest this module was loaded by Node's own registry; Jest gives it a registry of
// its own, which Node's load hook never sees.
const loadedByNode = require.cache === nodeModules._cache;

/**
 * Patches `send` on every loaded copy of the SDK's base client. A patch, once made, stays: work started
 * inside a sandbox may call AWS at any later time (a timer, a promise chain), and that call must be
 * refused, not sent. A patched `send` whose call has no route passes it to the SDK unchanged, so the
 * library changes nothing for it.
 *
 * Under Node's registry, the first activation also hooks module loading, so that copies loaded later are
 * patched as they load, and later activations have nothing to do. Under Jest, whose registry Node's hook
 * never sees, an activation looks again only when a copy found last time is no longer the loaded one (a
 * `jest.resetModules()` empties the registry): looking means reading every loaded module's path, and a
 * project loads thousands, so it is not done on every sandbox. A copy first loaded later in the same
 * registry is found when its first request escapes (`patchCopiesLoadedSince`).
 */
export function activateInterception(): void {
  state.users++;
  installNetworkGuard();
  if (state.watchingNodeRegistry || stillLoaded(state.found)) return;
  if (loadedByNode) {
    state.watchingNodeRegistry = true;
    patch(nodeModules, '_load', patchCopiesAsTheyLoad);
  }
  const copies = [...findBaseClientCopies()];
  if (copies.length === 0) {
    const preloaded = preloadBaseClient();
    if (preloaded !== undefined) copies.push(preloaded);
  }
  for (const copy of copies) patchSend(copy);
  state.found = copies;
  warnAboutSeveralCopies();
}

function stillLoaded(copies: readonly BaseClientCopy[]): boolean {
  return copies.length > 0 && copies.every((copy) => require.cache[copy.file]?.exports === copy.exports);
}

/**
 * Patches the copies of the base client loaded since the last look (under Jest, a nested install first
 * required after the test file's first sandbox opened), and returns their files. Called when an SDK request
 * escaped `send`: its calls are served from then on.
 */
export function patchCopiesLoadedSince(): string[] {
  const late = findBaseClientCopies().filter((copy) => !state.patched.has(copy.prototype));
  if (late.length === 0) return [];
  for (const copy of late) patchSend(copy);
  state.found = [...state.found, ...late];
  warnAboutSeveralCopies();
  return late.map((copy) => copy.file);
}

/** Undoes one `activateInterception`. Patches stay (see above); the last one lets go of the last verifier. */
export function deactivateInterception(): void {
  if (state.users === 0) return;
  state.users--;
  if (state.users === 0) forgetLastHandler();
}

// The handler for the last route: a sandbox's route is made once, and a test sends all its calls through one.
let lastRoute: Route | undefined;
let lastHandler: AwsRouteHandler | undefined;

function handlerFor(route: Route): AwsRouteHandler | undefined {
  if (route !== lastRoute) {
    lastHandler = awsHandlerFor(route);
    lastRoute = route;
  }
  return lastHandler;
}

/** Lets go of the last verifier, which may hold a large timeline, once no sandbox or guard is open. */
function forgetLastHandler(): void {
  lastRoute = undefined;
  lastHandler = undefined;
}

function patchSend(copy: BaseClientCopy): void {
  if (state.patched.has(copy.prototype)) return;
  state.patched.add(copy.prototype);
  state.patchedFiles.add(copy.file);
  patch(
    copy.prototype as { send: SendFunction },
    'send',
    (original) =>
      function send(this: unknown, command: unknown, optionsOrCallback: unknown, maybeCallback: unknown) {
        const route = currentRoute();
        const handler = route === undefined ? undefined : handlerFor(route);
        // biome-ignore lint/complexity/noArguments: passes the call through exactly as it was made
        if (handler === undefined) return Reflect.apply(original, this, arguments);
        const call = new InterceptedSend(
          this as object,
          command,
          optionsOrCallback,
          maybeCallback,
          // biome-ignore lint/complexity/noArguments: the count only, so the call can be repeated exactly
          arguments.length,
          copy,
          original,
        );
        return handler.handleSend(route as Route, call);
      },
  );
}

/**
 * The module-load hook: patches each copy of the base client that Node loads (lazy and nested requires).
 * Exported for its test, which installs it for one require in Jest, whose own registry Node's hook never sees.
 */
export function patchCopiesAsTheyLoad(originalLoad: ModuleInternals['_load']): ModuleInternals['_load'] {
  return function (this: unknown, request, parent, isMain) {
    const exports = originalLoad.call(this, request, parent, isMain);
    if (request.includes('smithy') && isBaseClientModule(exports)) {
      const copy = copyOf(exports, nodeModules._resolveFilename(request, parent, isMain));
      if (!state.patched.has(copy.prototype)) {
        patchSend(copy);
        warnAboutSeveralCopies();
      }
    }
    return exports;
  };
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
