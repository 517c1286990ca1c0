import http from 'node:http';
import { patch } from '../../../util/patch';
import { acrossRealms } from '../../../util/process-wide';
import { currentRoute, type Route } from '../../contract/routing';
import { awsHandlerFor } from './route-handler';

/** What the safety net knows about a request that left an SDK client without going through `send`. */
export interface EscapedRequest {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  /** The SigV4 signing name from the Authorization header (`s3`, `dynamodb`), when signed. */
  readonly signingService: string | undefined;
  /** From `x-amz-target` (JSON protocols) or S3's `x-id` query parameter, when present. */
  readonly operation: string | undefined;
}

type AddRequest = (this: http.Agent, request: http.ClientRequest, options: unknown) => void;

interface NetworkGuardState {
  installed: boolean;
}

// `http` is one module for the whole process (every Jest test file sees the same `http.Agent`), so the hook is
// installed once per process, not once per realm.
const state = acrossRealms<NetworkGuardState>('aws-network-guard.v2', () => ({ installed: false }));

// Headers only the AWS SDK sends. A request carrying one while a sandbox or the guard is on has escaped `send`.
const SDK_HEADERS = ['amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-user-agent'];

/**
 * The last line of defence: an HTTP(S) request that carries AWS SDK headers and is routed to a sandbox, to
 * a closed sandbox (work that outlived it) or to the guard at level 'error' is refused before any socket is
 * opened. It catches clients whose copy of the SDK core was never patched: bundled SDKs, or ones loaded in a
 * module registry ts-tripwire cannot see. Every SDK request goes through an `http.Agent`, shared by https.
 *
 * Installed by the first sandbox or guard and kept: work started in a sandbox can call AWS at any later
 * time. Every other request passes through unchanged.
 */
export function installNetworkGuard(): void {
  if (state.installed) return;
  state.installed = true;
  patch(
    http.Agent.prototype as unknown as { addRequest: AddRequest },
    'addRequest',
    (original) =>
      function addRequest(this: http.Agent, request, options) {
        const route = isSdkRequest(request) ? currentRoute() : undefined;
        // Let through by `send` already: a call the guard allows with a warning, or one a recording lets go.
        const handler =
          route === undefined || route.mode === 'warn' || route.mode === 'pass-through'
            ? undefined
            : awsHandlerFor(route);
        if (handler === undefined) return original.call(this, request, options);
        const error = handler.handleEscape(route as Route, describe(request));
        // Fail the request the way an agent does when it cannot create a socket: no connection is ever made,
        // and the SDK's HTTP handler rejects with the error.
        (request as unknown as { onSocket(socket: undefined, error: Error): void }).onSocket(
          undefined,
          error,
        );
      },
  );
}

function isSdkRequest(request: http.ClientRequest): boolean {
  if (SDK_HEADERS.some((name) => request.hasHeader(name))) return true;
  return String(request.getHeader('authorization') ?? '').startsWith('AWS4-HMAC-SHA256');
}

function describe(request: http.ClientRequest): EscapedRequest {
  const authorization = String(request.getHeader('authorization') ?? '');
  const target = request.getHeader('x-amz-target');
  const [pathOnly = '', query = ''] = request.path.split('?');
  const operation =
    typeof target === 'string'
      ? target.slice(target.lastIndexOf('.') + 1)
      : new URLSearchParams(query).get('x-id');
  return {
    method: request.method,
    host: request.host,
    path: pathOnly,
    signingService: /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(authorization)?.[1],
    operation: operation ?? undefined,
  };
}
