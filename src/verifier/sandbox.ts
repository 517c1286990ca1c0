import { AsyncLocalStorage } from 'node:async_hooks';
import type { GuardLevel } from '../plugins/plugin';
import { acrossRealms } from '../util/process-wide';

/**
 * What an interceptor needs to know about a verifier to route a call to it. Kept minimal because copies
 * of ts-tripwire loaded side by side share these objects.
 */
export interface RouteTarget {
  pluginByName(name: string): unknown;
  readonly guardLevel: GuardLevel;
}

/** One `run(fn)`: the async context that its calls carry. */
export interface SandboxScope {
  readonly target: RouteTarget;
  readonly parent: SandboxScope | undefined;
  open: boolean;
  /** Made once, because every intercepted call asks for it. */
  readonly route: Route;
}

export type Route =
  | { readonly mode: 'sandbox'; readonly target: RouteTarget }
  | { readonly mode: 'post-sandbox'; readonly target: RouteTarget }
  | { readonly mode: 'guarded'; readonly target: RouteTarget };

interface Guard {
  readonly target: RouteTarget;
  readonly route: Route;
}

interface SharedSandboxState {
  readonly contexts: AsyncLocalStorage<SandboxScope>;
  readonly guards: Guard[];
}

// One for the whole process, so that copies of ts-tripwire and every Jest test file of a worker route through
// one async context and one guard list: each enabled AsyncLocalStorage taxes every later promise.
const shared = acrossRealms<SharedSandboxState>('sandbox-state.v3', () => ({
  contexts: new AsyncLocalStorage<SandboxScope>(),
  guards: [],
}));

/** A sandbox scope for `run`, nested in the current one if any. */
export function openScope(target: RouteTarget): SandboxScope {
  return { target, parent: shared.contexts.getStore(), open: true, route: { mode: 'sandbox', target } };
}

export function runInScope<T>(scope: SandboxScope, fn: () => T): T {
  return shared.contexts.run(scope, fn);
}

/**
 * Where an intercepted call goes: the innermost open sandbox; else, if it was made from inside a sandbox
 * that has closed, that sandbox's verifier as a post-sandbox call; else the active guard; else nowhere
 * (the real SDK handles it).
 */
export function currentRoute(): Route | undefined {
  const scope = shared.contexts.getStore();
  for (let candidate = scope; candidate !== undefined; candidate = candidate.parent) {
    if (candidate.open) return candidate.route;
  }
  const guard = shared.guards.at(-1);
  if (scope !== undefined) {
    // A guard of another verifier means the sandbox's own test is over: the running test gets the report.
    return { mode: 'post-sandbox', target: guard?.target ?? scope.target };
  }
  return guard?.route;
}

export function pushGuard(target: RouteTarget): void {
  shared.guards.push({ target, route: { mode: 'guarded', target } });
}

export function removeGuard(target: RouteTarget): void {
  for (let index = shared.guards.length - 1; index >= 0; index--) {
    if (shared.guards[index]!.target === target) {
      shared.guards.splice(index, 1);
      return;
    }
  }
}
