import type { Plugin } from '../../contract/plugin';
import { type Route, routedPlugin } from '../../contract/routing';
import type { EscapedRequest } from './network-guard';
import type { InterceptedSend } from './send-patch';

/** What the AWS plugin of the verifier a call is routed to does with it. */
export interface AwsRouteHandler {
  /** An intercepted `send`: serve it, refuse it, or let it through after a warning, as the route says. */
  handleSend(route: Route, call: InterceptedSend): unknown;
  /** A request that never went through `send` reached the network layer: remember it and explain. */
  handleEscape(route: Route, request: EscapedRequest): Error;
}

/** The routed verifier's AWS plugin, or `undefined` when no verifier concerned has one (not its business). */
export function awsHandlerFor(route: Route): AwsRouteHandler | undefined {
  const plugin = routedPlugin(route, 'aws');
  return isAwsHandler(plugin) ? plugin : undefined;
}

function isAwsHandler(plugin: Plugin | undefined): plugin is Plugin & AwsRouteHandler {
  const candidate = plugin as Partial<AwsRouteHandler> | undefined;
  return typeof candidate?.handleSend === 'function' && typeof candidate.handleEscape === 'function';
}
