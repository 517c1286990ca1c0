import { AsyncLocalStorage } from 'node:async_hooks';
import type { GuardLevel } from '../plugins/plugin';
import { processWide } from '../util/process-wide';

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
}

export type Route =
  | { readonly mode: 'sandbox'; readonly target: RouteTarget }
  | { readonly mode: 'post-sandbox'; readonly target: RouteTarget }
  | { readonly mode: 'guarded'; readonly target: RouteTarget };

interface SharedSandboxState {
  readonly contexts: AsyncLocalStorage<SandboxScope>;
  readonly guards: RouteTarget[];
}

// Process-wide, so that two loaded copies of ts-tripwire route through one async context and one guard list.
const shared = processWide<SharedSandboxState>('sandbox-state.v1', () => ({
  contexts: new AsyncLocalStorage<SandboxScope>(),
  guards: [],
}));

export function runInScope<T>(scope: SandboxScope, fn: () => T): T {
  return shared.contexts.run(scope, fn);
}

export function currentScope(): SandboxScope | undefined {
  return shared.contexts.getStore();
}

/**
 * Where an intercepted call goes: the innermost open sandbox; else, if it was made from inside a sandbox
 * that has closed, that sandbox's verifier as a post-sandbox call; else the active guard; else nowhere
 * (the real SDK handles it).
 */
export function currentRoute(): Route | undefined {
  const scope = shared.contexts.getStore();
  for (let candidate = scope; candidate !== undefined; candidate = candidate.parent) {
    if (candidate.open) return { mode: 'sandbox', target: candidate.target };
  }
  const guard = shared.guards.at(-1);
  if (scope !== undefined) {
    // A guard of another verifier means the sandbox's own test is over: the running test gets the report.
    return { mode: 'post-sandbox', target: guard ?? scope.target };
  }
  return guard === undefined ? undefined : { mode: 'guarded', target: guard };
}

export function pushGuard(target: RouteTarget): void {
  shared.guards.push(target);
}

export function removeGuard(target: RouteTarget): void {
  const index = shared.guards.lastIndexOf(target);
  if (index >= 0) shared.guards.splice(index, 1);
}
