import type { InteractionSummary, UnusedMockSummary, ViolationKind } from '../../errors';
import { CallSite, currentUserFrame } from '../../util/call-site';
import { indented } from '../../util/format';
import { guardedRead } from '../../util/guarded-read';
import { isError } from '../../util/is-error';
import { type FieldMismatch, isOnlyWildcards } from '../../util/matching';
import { copyData, isPlainObject } from '../../util/values';
import type { Interaction, Plugin, PluginHost } from '../contract/plugin';
import type { Route } from '../contract/routing';
import { plainAssertion, typedAssertion } from './asserting/assertion-input';
import {
  type AwsCallFields,
  callKey,
  callMismatches,
  type ExpectedCall,
  RecordedCall,
  sameName,
} from './asserting/call-fields';
import { summarizeForPayload } from './asserting/summaries';
import { AWS_SETTINGS } from './aws-settings';
import type { EscapedRequest } from './interception/network-guard';
import type { AwsRouteHandler } from './interception/route-handler';
import {
  activateInterception,
  deactivateInterception,
  type InterceptedSend,
} from './interception/send-patch';
import { allWildcardError } from './messages/assertion-errors';
import {
  escapedRequestError,
  guardedCallError,
  invalidParamsError,
  postSandboxError,
  unmockedError,
  violatingCall,
} from './messages/call-errors';
import { formatCall, formatExpectedCall, formatRecordedCall } from './messages/call-text';
import { assertHint, exactParamsHint } from './messages/hints';
import { mockCallText, raisesFunctionError, returnsFunctionError } from './messages/registration-errors';
import { notAVerifierError } from './messages/setup-errors';
import { unusedMockDescription } from './messages/unused-mocks';
import { guardedCallWarning } from './messages/warnings';
import {
  type AbortSignalLike,
  deliverToCallback,
  isThenable,
  settleSync,
  untilAborted,
  withResponse,
} from './mocking/async-outcomes';
import { normalizeSpec, type Outcome } from './mocking/mock-spec';
import { buildOutput } from './mocking/outputs';
import { MockQueues } from './mocking/queues';
import { checkRegisteredOutput, refuseStreamsForBlobs } from './mocking/registration-checks';
import { UploadFailures } from './mocking/upload-failures';
import { type CallInfo, type CallName, callInfo } from './sdk/call-info';
import { clientPackageExports } from './sdk/client-packages';
import { NameBook } from './sdk/name-book';
import { buildServiceError, sdkAbortError } from './sdk/sdk-errors';
import { modelSource, operationModel } from './sdk/service-model';
import { toleratedParams } from './sdk/tolerated-params';
import { hasUnknownParams, paramProblems } from './sdk/validation';
import type {
  AwsCallAssertionFor,
  CommandClass,
  CommandInput,
  CommandOutput,
  MockSpec,
  MockSpecFor,
  OperationName,
  TypedAwsCallAssertion,
} from './types';

/** The part of an SDK command the interception reads. */
interface SdkCommand {
  readonly input?: unknown;
  readonly constructor: object;
}

interface SendOptions {
  abortSignal?: AbortSignalLike;
}

/**
 * Mocks, records and checks AWS SDK v3 calls: a FIFO queue of outcomes per `service:operation`,
 * interception of `Client.send`, and the assertion and verification hooks of the plugin contract.
 */
export class AwsPlugin implements Plugin<AwsCallFields, ExpectedCall>, AwsRouteHandler {
  readonly name = 'aws';
  readonly settings = AWS_SETTINGS;
  /** This verifier's settings, kept up to date by `configure()`: read `validate` on every call. */
  private readonly configured: Readonly<Record<string, unknown>>;
  private readonly queues = new MockQueues();
  private readonly names = new NameBook(() => this.host.hintName);
  private readonly uploadFailures = new UploadFailures();
  private activations = 0;

  constructor(private readonly host: PluginHost) {
    if (!isPluginHost(host)) throw notAVerifierError();
    host.registerPlugin(this);
    this.configured = host.settingsOf(this);
    // Methods work detached: `const { mockCall, assertAwsCall } = tripwire.aws`.
    this.mockCall = this.mockCall.bind(this);
    this.assertAwsCall = this.assertAwsCall.bind(this);
  }

  // Registering

  /**
   * Queues an outcome for the next call of an operation: `mockCall('s3', 'GetObject', { returns })`. Typed for
   * services added to the `AwsServices` interface.
   */
  mockCall<S extends string, O extends OperationName<S>>(
    service: S,
    operation: O,
    spec?: MockSpecFor<S, O>,
  ): void;
  /** Typed form: `mockCall(GetObjectCommand, { returns })`, with `returns` typed from the command's output. */
  mockCall<C extends CommandClass>(command: C, spec?: MockSpec<CommandInput<C>, CommandOutput<C>>): void;
  mockCall(first: unknown, second?: unknown, third?: unknown): void {
    this.host.ensureUsable('mockCall()');
    const registeredAt = new CallSite();
    const { name, spec } =
      typeof first === 'function'
        ? { name: this.names.fromClass(first, 'mockCall'), spec: second }
        : { name: this.names.fromStrings(first, second, 'mockCall'), spec: third };
    const normalized = normalizeSpec(spec, mockCallText(name));
    if (normalized.outcome.kind === 'returns') {
      const commandClass =
        typeof first === 'function'
          ? first
          : clientPackageExports(name.serviceKey)?.[`${name.operation}Command`];
      refuseStreamsForBlobs(name, commandClass, normalized.outcome.value);
      if (this.configured.validate === true) {
        checkRegisteredOutput(
          typeof first === 'function' ? first : undefined,
          name,
          normalized.outcome.value,
          this.host.hintName,
        );
      }
    }
    this.queues.add(name.key, {
      service: name.service,
      operation: name.operation,
      outcome: normalized.outcome,
      required: normalized.required,
      times: normalized.times,
      registeredAt,
      consumed: 0,
    });
  }

  // Asserting

  /**
   * Asserts the next recorded interaction: `assertAwsCall({ service, operation, params, raised? })`. `params`
   * is typed for services added to the `AwsServices` interface.
   */
  assertAwsCall<S extends string, O extends OperationName<S>>(assertion: AwsCallAssertionFor<S, O>): void;
  /** Typed form: `assertAwsCall(GetObjectCommand, { params })`, with `params` typed from the input. */
  assertAwsCall<C extends CommandClass>(command: C, assertion: TypedAwsCallAssertion<CommandInput<C>>): void;
  assertAwsCall(first: unknown, second?: unknown): void {
    this.host.ensureUsable('assertAwsCall()');
    const expected =
      typeof first === 'function'
        ? typedAssertion(first, second, this.names, this.host.hintName)
        : plainAssertion(first, this.names, this.host.hintName);
    if (isOnlyWildcards(expected.params)) throw this.allWildcardError(expected);
    this.host.assertInteraction(this, expected);
  }

  private allWildcardError(expected: ExpectedCall): Error {
    const candidate = this.host.findUnasserted(this, (interaction) => sameName(interaction.fields, expected));
    const hint =
      candidate === undefined
        ? exactParamsHint(this.host.hintName, expected.service, expected.operation)
        : this.assertHint(candidate);
    return allWildcardError(expected, indented(hint));
  }

  // The plugin contract

  activate(): void {
    this.activations++;
    activateInterception();
  }

  /** Undoes one `activate()`; the last one restores every patched `send` exactly. */
  deactivate(): void {
    if (this.activations === 0) return;
    this.activations--;
    deactivateInterception();
  }

  release(): void {
    this.queues.clear();
  }

  formatInteraction(interaction: Interaction<AwsCallFields>): string {
    const fields = interaction.fields;
    return formatRecordedCall(fields.service, fields.operation, fields.params, fields.raised);
  }

  formatExpected(expected: ExpectedCall): string {
    return formatExpectedCall(expected);
  }

  assertHint(interaction: Interaction<AwsCallFields>): string {
    const fields = interaction.fields;
    return assertHint(this.host.hintName, fields.service, fields.operation, fields.params, fields.raised);
  }

  matchFields(interaction: Interaction<AwsCallFields>, expected: ExpectedCall): FieldMismatch[] {
    return callMismatches(interaction.fields, expected);
  }

  assertionKey(interaction: Interaction<AwsCallFields>): string | undefined {
    return callKey(interaction.fields);
  }

  expectedKey(expected: ExpectedCall): string | undefined {
    return callKey(expected);
  }

  missingFields(interaction: Interaction<AwsCallFields>, expected: ExpectedCall): string[] {
    const fields = interaction.fields;
    return fields.raised !== undefined && !('raised' in expected) ? ['raised'] : [];
  }

  summarize(interaction: Interaction<AwsCallFields>): InteractionSummary {
    const fields = interaction.fields;
    const summary = {
      sequence: interaction.sequence,
      service: fields.service,
      operation: fields.operation,
      params: summarizeForPayload(fields.params),
    };
    if (fields.raised === undefined) return summary;
    const raised = isError(fields.raised) ? fields.raised : new Error(String(fields.raised));
    return { ...summary, raised: { name: raised.name, message: raised.message } };
  }

  unusedMocks(): Array<{ summary: UnusedMockSummary; description: string }> {
    return this.queues.unusedRequired().map(({ key, registration }) => {
      const service = this.names.display(key.slice(0, key.indexOf(':')), registration.service);
      const summary = {
        service,
        operation: registration.operation,
        registeredAt: registration.registeredAt.toString(),
      };
      const { times, consumed } = registration;
      const suggestion = consumed === 0 ? this.names.calledInstead(key, registration.operation) : '';
      return { summary, description: unusedMockDescription(summary, times, consumed, suggestion) };
    });
  }

  // Interception

  /** @internal Called by the patched `send` of every client routed to this plugin's verifier. */
  handleSend(route: Route, call: InterceptedSend): unknown {
    if (route.mode === 'warn') {
      this.warnGuarded(call);
      return call.passThrough();
    }
    const options =
      typeof call.options === 'object' && call.options !== null ? (call.options as SendOptions) : undefined;
    const result = this.serve(route.mode, call, options);
    if (typeof call.callback !== 'function') return result;
    deliverToCallback(result, call.callback as (error: unknown, output?: unknown) => unknown);
    return undefined;
  }

  private serve(mode: Route['mode'], call: InterceptedSend, options: SendOptions | undefined) {
    const { client } = call;
    const command = call.command as SdkCommand;
    const info = callInfo(client, command, call.copy);
    const name = info.name;
    this.names.noteCall(info);
    const params = copyData(command.input ?? {}, false);
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
    if (registration === undefined) return Promise.reject(this.violation('unmocked', name, params));
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
    this.host.record(this, call);
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

  /** @internal The network safety net caught a request that never went through `send`: remember it and explain. */
  handleEscape(_route: Route, request: EscapedRequest): Error {
    const { error, service, operation } = escapedRequestError(request, this.host.hintName);
    this.host.rememberViolation({ kind: 'escaped', service, operation, params: {}, message: error.message });
    return error;
  }

  // Naming
}

function isPluginHost(value: unknown): value is PluginHost {
  if (value === null || typeof value !== 'object') return false;
  const read = guardedRead(() => (value as { registerPlugin?: unknown }).registerPlugin);
  return read.ok && typeof read.value === 'function';
}
