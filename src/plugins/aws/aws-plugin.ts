import type { InteractionSummary } from '../../errors';
import { CallSite } from '../../util/call-site';
import { indented } from '../../util/format';
import { guardedRead } from '../../util/guarded-read';
import { isError } from '../../util/is-error';
import { type FieldMismatch, isOnlyWildcards } from '../../util/matching';
import type { Interaction, Plugin, PluginHost, UnusedMock } from '../contract/plugin';
import type { Route } from '../contract/routing';
import { plainAssertion, typedAssertion } from './asserting/assertion-input';
import {
  type AwsCallFields,
  callKey,
  callMismatches,
  type ExpectedCall,
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
  patchCopiesLoadedSince,
} from './interception/send-patch';
import { allWildcardError } from './messages/assertion-errors';
import { escapedRequestError } from './messages/call-errors';
import { formatExpectedCall, formatRecordedCall } from './messages/call-text';
import { assertHint, exactParamsHint } from './messages/hints';
import { mockCallText } from './messages/registration-errors';
import { notAVerifierError } from './messages/setup-errors';
import { UNUSED_MOCK_ADVICE, unusedMockDescription } from './messages/unused-mocks';
import { CallServer } from './mocking/call-server';
import { normalizeSpec } from './mocking/mock-spec';
import { MockQueues } from './mocking/queues';
import { checkRegisteredOutput, refuseStreamsForBlobs } from './mocking/registration-checks';
import { AwsRecorder } from './recording/aws-recorder';
import { clientPackageExports } from './sdk/client-packages';
import { NameBook } from './sdk/name-book';
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
  private readonly server: CallServer;
  /** Record and update modes: calls sent to the real service, captured, and written as test code. */
  readonly recorder: AwsRecorder;
  private activations = 0;

  constructor(private readonly host: PluginHost) {
    if (!isPluginHost(host)) throw notAVerifierError();
    host.registerPlugin(this);
    this.configured = host.settingsOf(this);
    this.recorder = new AwsRecorder(this, host);
    this.server = new CallServer({
      recorder: this.recorder,
      plugin: this,
      host,
      queues: this.queues,
      names: this.names,
      configured: this.configured,
    });
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

  /** Undoes one `activate()`. The patches stay: a late call from sandbox work must still be refused. */
  deactivate(): void {
    if (this.activations === 0) return;
    this.activations--;
    deactivateInterception();
  }

  release(): void {
    this.queues.clear();
    this.recorder.release();
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

  unusedMocks(): UnusedMock[] {
    return this.queues.unusedRequired().map(({ key, registration }) => {
      const service = this.names.display(key.slice(0, key.indexOf(':')), registration.service);
      const summary = {
        service,
        operation: registration.operation,
        registeredAt: registration.registeredAt.toString(),
      };
      const { times, consumed } = registration;
      const suggestion = consumed === 0 ? this.names.calledInstead(key, registration.operation) : '';
      return {
        summary,
        description: unusedMockDescription(summary, times, consumed, suggestion),
        advice: UNUSED_MOCK_ADVICE,
      };
    });
  }

  // Interception

  /** @internal Called by the patched `send` of every client routed to this plugin's verifier. */
  handleSend(route: Route, call: InterceptedSend): unknown {
    return this.server.handle(route, call);
  }

  /** @internal The network safety net caught a request that never went through `send`: remember it and explain. */
  handleEscape(_route: Route, request: EscapedRequest): Error {
    const late = patchCopiesLoadedSince();
    const { error, service, operation } = escapedRequestError(request, this.host.hintName, late);
    this.host.rememberViolation({ kind: 'escaped', service, operation, params: {}, message: error.message });
    return error;
  }
}

function isPluginHost(value: unknown): value is PluginHost {
  if (value === null || typeof value !== 'object') return false;
  const read = guardedRead(() => (value as { registerPlugin?: unknown }).registerPlugin);
  return read.ok && typeof read.value === 'function';
}
