import { type RouteTarget, routing, type SandboxScope } from '../plugins/contract/routing';

/** A sandbox scope for `run`, nested in the current one if any. */
export function openScope(target: RouteTarget): SandboxScope {
  return {
    target,
    parent: routing.contexts.getStore(),
    open: true,
    serve: { mode: 'serve', target },
    postSandbox: { mode: 'post-sandbox', target, origin: target },
  };
}

export function runInScope<T>(scope: SandboxScope, fn: () => T): T {
  return routing.contexts.run(scope, fn);
}

export function pushGuard(target: RouteTarget): void {
  routing.guards.push({
    target,
    guarded: { mode: 'guarded', target },
    warn: { mode: 'warn', target },
  });
}

export function removeGuard(target: RouteTarget): void {
  const { guards } = routing;
  for (let index = guards.length - 1; index >= 0; index--) {
    if (guards[index]!.target === target) {
      guards.splice(index, 1);
      return;
    }
  }
}
