import type { ViolationKind } from '../../../errors';
import { currentUserFrame } from '../../../util/call-site';
import { isError } from '../../../util/is-error';
import { copyData, isPlainObject } from '../../../util/values';
import type { Plugin, PluginHost } from '../../contract/plugin';
import type { Route } from '../../contract/routing';
import { type AwsCallFields, type ExpectedCall, RecordedCall } from '../asserting/call-fields';
import { summarizeForPayload } from '../asserting/summaries';
import type { InterceptedSend } from '../interception/send-patch';
import {
  guardedCallError,
  invalidParamsError,
  postSandboxError,
  unmockedError,
  violatingCall,
} from '../messages/call-errors';
import { formatCall } from '../messages/call-text';
import { raisesFunctionError, returnsFunctionError } from '../messages/registration-errors';
import { guardedCallWarning } from '../messages/warnings';
import type { AwsRecorder } from '../recording/aws-recorder';
import { type CallInfo, type CallName, callInfo } from '../sdk/call-info';
import type { NameBook } from '../sdk/name-book';
import { buildServiceError, sdkAbortError } from '../sdk/sdk-errors';
import { modelSource, operationModel } from '../sdk/service-model';
import { toleratedParams } from '../sdk/tolerated-params';
import { hasUnknownParams, paramProblems } from '../sdk/validation';
import {
  type AbortSignalLike,
  deliverToCallback,
  isThenable,
  settleSync,
  untilAborted,
  withResponse,
} from './async-outcomes';
import type { Outcome } from './mock-spec';
import { buildOutput } from './outputs';
import type { MockQueues } from './queues';
import { UploadFailures } from './upload-failures';

/** The part of an SDK command the interception reads. */
interface SdkCommand {
  readonly input?: unknown;
  readonly constructor: object;
}

interface SendOptions {
  abortSignal?: AbortSignalLike;
}

/** What a plugin's server reads: its verifier, its queues and names, and its settings as configured. */
export interface ServerState {
  readonly plugin: Plugin<AwsCallFields, ExpectedCall>;
  readonly host: PluginHost;
  readonly queues: MockQueues;
  readonly names: NameBook;
  /** Kept up to date by `configure()`: `validate` is read on every call, `mode` when no mock is left. */
  readonly configured: Readonly<Record<string, unknown>>;
  /** Sends the calls of record mode, and of update mode that have no mock, to the real service. */
  readonly recorder: AwsRecorder;
}

/**
 * Answers the calls routed to one AWS plugin: records each, serves it from the queues (an output, an error,
 * a function of the params), or refuses it as a violation the verifier remembers.
 */
export class CallServer {
  private readonly plugin: Plugin<AwsCallFields, ExpectedCall>;
  private readonly host: PluginHost;
  private readonly queues: MockQueues;
  private readonly names: NameBook;
  private readonly configured: Readonly<Record<string, unknown>>;
  private readonly recorder: AwsRecorder;
  private readonly uploadFailures = new UploadFailures();

  constructor(state: ServerState) {
    this.plugin = state.plugin;
    this.host = state.host;
    this.queues = state.queues;
    this.names = state.names;
    this.configured = state.configured;
    this.recorder = state.recorder;
  }

  /** A call of the patched `send` routed to this verifier: served, refused, or let through with a warning. */
  handle(route: Route, call: InterceptedSend): unknown {
    if (route.mode === 'warn') {
      this.warnGuarded(call);
      return call.passThrough();
    }
    // The SDK's own work inside a call let through on purpose (a credential provider's call): not ours.
    if (route.mode === 'pass-through') return call.passThrough();
    const options =
      typeof call.options === 'object' && call.options !== null ? (call.options as SendOptions) : undefined;
    const result = this.serve(route, call, options);
    if (typeof call.callback !== 'function') return result;
    deliverToCallback(result, call.callback as (error: unknown, output?: unknown) => unknown);
    return undefined;
  }

  private serve(route: Route, call: InterceptedSend, options: SendOptions | undefined) {
    const { mode } = route;
    const { client } = call;
    const command = call.command as SdkCommand;
    const info = callInfo(client, command, call.copy);
    const name = info.name;
    this.names.noteCall(info);
    const params = copyData(command.input ?? {}, false);
    if (mode === 'record') return this.recorder.capture(route.target, call, info, params);
    if (mode !== 'serve') {
      return Promise.reject(this.violation(mode === 'guarded' ? 'guarded' : 'post-sandbox', name, params));
    }
    const signal = options?.abortSignal;
    if (signal?.aborted) {
      const fields = this.record(name, params);
      return sdkAbortError(client, options ?? {}, info.copy).then((error) => {
        fields.raised = error;
        return Promise.reject(error);
      });
    }
    if (this.configured.validate === true) {
      const problems = this.paramProblems(info, command, params);
      if (problems !== undefined)
        return Promise.reject(this.violation('invalid-params', name, params, problems));
    }
    const registration = this.queues.take(name.key) ?? this.queues.take(`${name.key}Command`);
    if (registration === undefined) {
      if (this.configured.mode === 'update')
        return this.recorder.captureUnmocked(route.target, call, info, params);
      return Promise.reject(this.violation('unmocked', name, params));
    }
    const fields = this.record(name, params);
    const { outcome } = registration;
    // The common case, kept free of closures: a registered output served as a fresh copy.
    if (outcome.kind === 'returns') return Promise.resolve(this.output(info, fields, outcome.value));
    return this.settle(outcome, fields, client, info, signal);
  }

  private paramProblems(info: CallInfo, command: object, params: unknown): string[] | undefined {
    if (info.model === undefined) {
      info.model = operationModel(command, () => modelSource(info.name.serviceKey, info.copy?.file)) ?? null;
      info.toleratedParams = toleratedParams(info.name);
    }
    if (info.model === null) return undefined;
    if (!hasUnknownParams(info.model, params, info.toleratedParams)) return undefined;
    return paramProblems(info.model, params, info.toleratedParams);
  }

  private output(info: CallInfo, fields: RecordedCall, registered: unknown): Record<string, unknown> {
    const built = buildOutput(registered, info.members, info.copy);
    this.uploadFailures.noteOutput(info.name, fields.params, built);
    return built;
  }

  /** Every outcome but a registered output, which `serve` answers directly. */
  private settle(
    outcome: Exclude<Outcome, { kind: 'returns' }>,
    fields: RecordedCall,
    client: object,
    info: CallInfo,
    signal: AbortSignalLike | undefined,
  ): Promise<unknown> {
    const name = info.name;
    const fail = (error: unknown) => {
      fields.raised = error;
      this.uploadFailures.noteRaised(name, fields.params, error);
      return Promise.reject(error);
    };
    const succeed = (output: unknown) => {
      if (!isPlainObject(output)) throw returnsFunctionError(name, output);
      return this.output(info, fields, output);
    };
    switch (outcome.kind) {
      case 'raises-error':
        return fail(withResponse(outcome.error));
      case 'raises-code':
        return fail(buildServiceError(client, info.copy, name.serviceKey, outcome.spec));
      case 'returns-fn':
      case 'raises-fn': {
        let produced: unknown;
        try {
          produced = outcome.fn(copyData(fields.params) as never);
        } catch (error) {
          return fail(error);
        }
        if (outcome.kind === 'raises-fn') {
          return fail(isError(produced) ? produced : raisesFunctionError(name, produced));
        }
        if (!isThenable(produced)) return settleSync(() => succeed(produced), fail);
        // A pending response can still be aborted, as an in-flight request can.
        return untilAborted(Promise.resolve(produced).then(succeed), signal, () =>
          sdkAbortError(client, { abortSignal: signal }, info.copy),
        ).catch(fail);
      }
    }
  }

  private record(name: CallName, params: unknown): RecordedCall {
    const call = new RecordedCall(name, params);
    this.host.recordInteraction(this.plugin, call);
    return call;
  }

  private violation(kind: ViolationKind, name: CallName, params: unknown, problems: string[] = []): Error {
    const call = violatingCall(name, params, currentUserFrame(), this.host.hintName);
    let error: Error;
    if (kind === 'unmocked') {
      this.uploadFailures.noteUnmocked(name, params);
      error = unmockedError(
        call,
        this.queues.queuedCount(name.key),
        this.uploadFailures.explainAbort(name, params),
      );
    } else if (kind === 'invalid-params') {
      error = invalidParamsError(call, problems);
    } else if (kind === 'guarded') {
      error = guardedCallError(call);
    } else {
      error = postSandboxError(call);
    }
    this.host.rememberViolation({
      kind,
      service: name.service,
      operation: name.operation,
      params: summarizeForPayload(params),
      message: error.message,
    });
    return error;
  }

  private warnGuarded(call: InterceptedSend): void {
    const { name } = callInfo(call.client, call.command, call.copy);
    const params = (call.command as { input?: unknown }).input ?? {};
    console.warn(guardedCallWarning(formatCall(name.service, name.operation, params)));
  }
}
