import { Readable } from 'node:stream';
import { isPlainObject } from '../../../util/values';
import { type RouteTarget, runPassingThrough } from '../../contract/routing';
import type { InterceptedSend } from '../interception/send-patch';
import type { CallInfo } from '../sdk/call-info';
import { buildServiceError } from '../sdk/sdk-errors';
import { toSdkStream } from '../sdk/sdk-streams';
import type { CapturedCall, CapturedError } from './captured-call';
import { packageOf } from './client-package-name';

/**
 * Sends the call to the real service (the SDK's own `send`, routed `pass-through` so the network safety net
 * lets its request go) and captures the outcome. Stream members are read whole and handed on as a fresh SDK
 * stream over the same bytes, so the code under test reads what it would have read.
 */
export function sendAndCapture(
  call: InterceptedSend,
  info: CallInfo,
  captured: CapturedCall,
  target: RouteTarget,
  tick: () => number,
): Promise<unknown> {
  describeTarget(call.client, info).then(
    (text) => {
      captured.recordedAgainst = text;
    },
    () => undefined,
  );
  return runPassingThrough(target, () => call.sendForPromise()).then(
    async (output) => {
      const { delivered, kept } = await teeOutput(output, info);
      captured.outcome = { kind: 'output', output: kept };
      captured.settled = tick();
      return delivered;
    },
    (error: unknown) => {
      captured.outcome = { kind: 'error', error: captureError(error, call.client, info) };
      captured.settled = tick();
      throw error;
    },
  );
}

async function teeOutput(
  output: unknown,
  info: CallInfo,
): Promise<{ delivered: unknown; kept: Record<string, unknown> }> {
  if (!isPlainObject(output)) return { delivered: output, kept: {} };
  const delivered: Record<string, unknown> = { ...output };
  const kept: Record<string, unknown> = { ...output };
  for (const [key, value] of Object.entries(output)) {
    if (value instanceof Uint8Array) {
      kept[key] = Buffer.from(value);
    } else if (isReadable(value)) {
      const bytes = await readAll(value);
      kept[key] = bytes;
      delivered[key] = toSdkStream(bytes, info.copy);
    }
  }
  return { delivered, kept };
}

interface SdkStream {
  transformToByteArray?(): Promise<Uint8Array>;
}

function isReadable(value: unknown): value is Readable | SdkStream {
  return (
    value instanceof Readable ||
    typeof (value as SdkStream | null | undefined)?.transformToByteArray === 'function'
  );
}

async function readAll(stream: Readable | SdkStream): Promise<Buffer> {
  if (typeof (stream as SdkStream).transformToByteArray === 'function') {
    return Buffer.from(await (stream as Required<SdkStream>).transformToByteArray());
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream as Readable) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

// Error members that say which request it was, or repeat name and message: not part of the recorded outcome.
const VOLATILE_ERROR_FIELDS = new Set([
  'name',
  'message',
  'stack',
  '$fault',
  '$metadata',
  '$response',
  '$retryable',
  'Code',
  'Message',
  'RequestId',
  'HostId',
  'requestId',
  '__type',
  'Type',
]);

function captureError(error: unknown, client: object, info: CallInfo): CapturedError {
  // A rejection that is no object (a string) has no fields: its characters are not members.
  const failed = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const code = typeof failed.name === 'string' ? failed.name : 'Error';
  const message = typeof failed.message === 'string' ? failed.message : String(error);
  const fault = failed.$fault;
  const status = (failed.$metadata as { httpStatusCode?: unknown } | undefined)?.httpStatusCode;
  const mocked = buildServiceError(client, info.copy, info.name.serviceKey, { code, message }) as Error & {
    $fault?: unknown;
    $metadata: { httpStatusCode?: unknown };
  };
  const differs: { $fault?: unknown; httpStatusCode?: unknown } = {};
  if (fault !== undefined && fault !== mocked.$fault) differs.$fault = fault;
  if (status !== undefined && status !== mocked.$metadata.httpStatusCode) differs.httpStatusCode = status;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(failed)) {
    if (!VOLATILE_ERROR_FIELDS.has(key) && value !== undefined) fields[key] = value;
  }
  return { code, message, fault, status, differs, fields, notFromService: fault === undefined };
}

interface ClientConfig {
  ignoreConfiguredEndpointUrls?: boolean;
  endpoint?: () => Promise<{ protocol?: string; hostname?: string; port?: number; path?: string }>;
  /** The AWS_ENDPOINT_URL(_<SERVICE>) or config-file endpoint, on lines that read one. */
  serviceConfiguredEndpoint?: () => Promise<string | undefined>;
  endpointProvider?: (parameters: { Region: string }) => { url?: URL };
  region?: () => Promise<string>;
}

/** `s3 at http://127.0.0.1:4569 (@aws-sdk/client-s3 3.1169.0)`, or `... at https://s3.eu-west-1.amazonaws.com/`. */
async function describeTarget(client: object, info: CallInfo): Promise<string> {
  const found = packageOf(info.name.serviceKey, client.constructor);
  const where = await endpointOf((client as { config?: ClientConfig }).config ?? {});
  return `${info.name.service} at ${where}${found === undefined ? '' : ` (${found.name} ${found.version})`}`;
}

/** The endpoint the client sends to: the one given, the one configured by environment, or AWS's for the region. */
async function endpointOf(config: ClientConfig): Promise<string> {
  if (typeof config.endpoint === 'function') {
    const { protocol = 'https:', hostname = '', port, path = '/' } = await config.endpoint();
    return `${protocol}//${hostname}${port === undefined ? '' : `:${port}`}${path === '/' ? '' : path}`;
  }
  // The SDK reads the configured endpoint only when the client does not ignore it.
  const configured =
    config.ignoreConfiguredEndpointUrls === true ? undefined : await config.serviceConfiguredEndpoint?.();
  if (typeof configured === 'string' && configured !== '') return configured;
  const region = typeof config.region === 'function' ? await config.region() : 'the default region';
  try {
    return config.endpointProvider?.({ Region: region }).url?.href ?? `AWS ${region}`;
  } catch {
    return `AWS ${region}`;
  }
}
