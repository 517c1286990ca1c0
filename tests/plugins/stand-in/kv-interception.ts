import { currentRoute, type Plugin, patch, type Route, routedPlugin } from 'ts-tripwire/plugin';
import { KeyValueClient } from './key-value-client';

/** One intercepted `KeyValueClient` call, as the interceptor reports it. */
export interface KvCall {
  readonly method: 'get' | 'set';
  readonly key: string;
  /** The value of a `set`; `undefined` for a `get`. */
  readonly value: string | undefined;
  /** The client's own method, applied to the call as it was made. */
  passThrough(): Promise<string | undefined>;
}

/** What the routed verifier's `kv` plugin does with an intercepted call. */
export interface KvCallHandler {
  handleKvCall(route: Route, call: KvCall): Promise<string | undefined>;
}

let installed = false;

/**
 * Patches `get` and `set` on the client's prototype, once. The patches stay, as the AWS plugin's do: work
 * started in a sandbox may call the store after `run()` settled, and that call must be refused.
 */
export function installKvInterception(): void {
  if (installed) return;
  installed = true;
  const prototype = KeyValueClient.prototype;
  patch(
    prototype,
    'get',
    (original) =>
      function get(this: KeyValueClient, key: string) {
        const pass = () => original.call(this, key);
        return routed({ method: 'get', key, value: undefined, passThrough: pass }) ?? pass();
      },
  );
  patch(
    prototype,
    'set',
    (original) =>
      function set(this: KeyValueClient, key: string, value: string) {
        const pass = () => original.call(this, key, value).then(() => undefined);
        return (routed({ method: 'set', key, value, passThrough: pass }) ?? pass()).then(() => undefined);
      },
  );
}

/** The routed verifier's answer, or `undefined` when the call is none of its business: it passes through. */
function routed(call: KvCall): Promise<string | undefined> | undefined {
  const route = currentRoute();
  if (route === undefined) return undefined;
  const plugin = routedPlugin(route, 'kv');
  return isKvHandler(plugin) ? plugin.handleKvCall(route, call) : undefined;
}

function isKvHandler(plugin: Plugin | undefined): plugin is Plugin & KvCallHandler {
  return plugin !== undefined && 'handleKvCall' in plugin && typeof plugin.handleKvCall === 'function';
}
