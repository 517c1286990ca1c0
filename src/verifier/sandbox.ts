import { TripwireConfigError } from '../errors';
import type { Plugin } from '../plugins/contract/plugin';
import { type RouteTarget, routing, type SandboxScope } from '../plugins/contract/routing';
import { describeValue, isClass } from '../util/describe-value';
import { deactivateAll } from './plugin-set';

/** What a verifier counts about its sandboxes. */
export interface SandboxCounts {
  openSandboxes: number;
  /** `verifyAll()` has run and no sandbox has opened since. */
  verified: boolean;
}

/** `fn` in a new sandbox of `target` (a recording one when asked), its plugins active while it runs. */
export async function runSandbox<T>(
  target: RouteTarget,
  counts: SandboxCounts,
  activateAll: () => Plugin[],
  fn: () => T | Promise<T>,
  recording: boolean,
): Promise<T> {
  const scope = openScope(target, recording);
  let plugins: Plugin[] = [];
  counts.openSandboxes++;
  counts.verified = false;
  try {
    plugins = activateAll();
    return await runInScope(scope, fn);
  } finally {
    scope.open = false;
    counts.openSandboxes--;
    deactivateAll(plugins);
  }
}

/** `run()` and `record()` take a function (not a class): else a `TripwireConfigError` showing the call. */
export function checkSandboxFunction(fn: unknown, method: string, what: string, hintName: string): void {
  if (typeof fn !== 'function' || isClass(fn)) {
    throw new TripwireConfigError(
      `${method}() takes a function, not ${describeValue(fn)}: await ${hintName}.${method}(async () => { /* ${what} */ });`,
    );
  }
}

/** A sandbox scope for `run` (or a recording one, whose calls go to the real services), nested in the current one if any. */
export function openScope(target: RouteTarget, recording = false): SandboxScope {
  return {
    target,
    parent: routing.contexts.getStore(),
    open: true,
    serve: recording ? { mode: 'record', target } : { mode: 'serve', target },
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
