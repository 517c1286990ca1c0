import { AsyncLocalStorage } from 'node:async_hooks';
import { acrossRealms } from '../../util/process-wide';
import type { GuardLevel, Plugin } from './plugin';

/**
 * What an interceptor needs to know about a verifier to route a call to it. Kept minimal because copies
 * of ts-tripwire loaded side by side share these objects.
 */
export interface RouteTarget {
  /** The verifier's plugin of that kind, if it has one. */
  pluginByName(name: string): Plugin | undefined;
  readonly guardLevel: GuardLevel;
}

/**
 * What happens to an intercepted call, decided in one place for every plugin and for the network net:
 * - `serve`: it comes from an open sandbox: the target's plugin serves it from its mocks;
 * - `post-sandbox`: it comes from a sandbox that has closed: refused, and remembered by the target;
 * - `guarded`: outside any sandbox while a guard at level 'error' is on: refused, and remembered;
 * - `warn`: outside any sandbox while a guard at level 'warn' is on: let through after a warning;
 * - `record`: it comes from a recording sandbox (`record(fn)`, or `run` in record mode): the target's plugin
 *   lets it through to the real service and captures it;
 * - `pass-through`: it is made by a call that a plugin let through on purpose (`runPassingThrough`): the SDK's
 *   own work (its network request, a credential provider's call) goes out untouched and unrecorded.
 * No route (`undefined`): the call passes through untouched.
 */
export type Route =
  | { readonly mode: 'serve'; readonly target: RouteTarget }
  /** `origin` is the verifier whose sandbox the call came from; `target`, the one that gets the report. */
  | { readonly mode: 'post-sandbox'; readonly target: RouteTarget; readonly origin: RouteTarget }
  | { readonly mode: 'guarded'; readonly target: RouteTarget }
  | { readonly mode: 'warn'; readonly target: RouteTarget }
  | { readonly mode: 'record'; readonly target: RouteTarget }
  | { readonly mode: 'pass-through'; readonly target: RouteTarget };

/** One `run(fn)`: the async context that its calls carry. */
export interface SandboxScope {
  readonly target: RouteTarget;
  readonly parent: SandboxScope | undefined;
  open: boolean;
  /** Made once, because every intercepted call asks for them. */
  readonly serve: Route;
  readonly postSandbox: Route;
}

/** A verifier's guard: what calls outside any sandbox meet while a test runs. */
export interface Guard {
  readonly target: RouteTarget;
  readonly guarded: Route;
  readonly warn: Route;
}

export interface RoutingState {
  readonly contexts: AsyncLocalStorage<SandboxScope>;
  readonly guards: Guard[];
}

/**
 * One for the whole process, so that copies of ts-tripwire and every Jest test file of a worker route through
 * one async context and one guard list: each enabled AsyncLocalStorage taxes every later promise.
 */
export const routing = acrossRealms<RoutingState>('sandbox-state.v3', () => ({
  contexts: new AsyncLocalStorage<SandboxScope>(),
  guards: [],
}));

/**
 * Where an intercepted call goes: the innermost open sandbox; else, if it was made from inside a sandbox
 * that has closed, that sandbox's verifier as a post-sandbox call (or the running test's, when a guard of
 * another verifier is on: the sandbox's own test is over); else what the active guard's level says; else
 * nowhere. Allocates nothing: it runs on every intercepted call.
 */
export function currentRoute(): Route | undefined {
  const scope = routing.contexts.getStore();
  for (let candidate = scope; candidate !== undefined; candidate = candidate.parent) {
    if (candidate.open) return candidate.serve;
  }
  const guard = routing.guards.at(-1);
  if (scope !== undefined) {
    // Rare, so made here: the running test's verifier gets the report of a call its sandbox did not make.
    return guard === undefined
      ? scope.postSandbox
      : { mode: 'post-sandbox', target: guard.target, origin: scope.target };
  }
  if (guard === undefined) return undefined;
  const level = guard.target.guardLevel;
  return level === 'error' ? guard.guarded : level === 'warn' ? guard.warn : undefined;
}

/**
 * The plugin of that kind that should handle a routed call: the target verifier's, or, for a late call
 * reported to a running test whose verifier lacks the plugin, the plugin of the verifier whose sandbox the
 * call came from, so the call is still refused and never reaches the real service.
 */
export function routedPlugin(route: Route, name: string): Plugin | undefined {
  const plugin = route.target.pluginByName(name);
  if (plugin !== undefined || route.mode !== 'post-sandbox') return plugin;
  return route.origin.pluginByName(name);
}

/**
 * Runs `fn` (a call a plugin lets through to the real service) so that everything it causes is routed as
 * `pass-through`: the network safety net lets its requests go, and calls nested in it are not captured.
 */
export function runPassingThrough<T>(target: RouteTarget, fn: () => T): T {
  const route: Route = { mode: 'pass-through', target };
  const scope: SandboxScope = { target, parent: undefined, open: true, serve: route, postSandbox: route };
  return routing.contexts.run(scope, fn);
}
