import { Readable } from 'node:stream';
import { closestMatch, didYouMean } from '../../util/did-you-mean';
import { copyData, isPlainObject } from '../../util/values';
import { CallSite, currentUserFrame } from '../../verifier/call-site';
import { canonicalKey } from '../../verifier/canonical';
import {
  AllWildcardAssertionError,
  EscapedRequestError,
  GuardedCallError,
  type InteractionSummary,
  InvalidParamsError,
  MissingAssertionFieldsError,
  PostSandboxInteractionError,
  TripwireConfigError,
  UnmockedInteractionError,
  type UnusedMockSummary,
  type ViolationKind,
} from '../../verifier/errors';
import { formatValue, indented, Note } from '../../verifier/format';
import { diffValues, type FieldMismatch, isOnlyWildcards } from '../../verifier/matching';
import type { Route } from '../../verifier/sandbox';
import type { Interaction, Plugin, PluginHost } from '../plugin';
import { type CallInfo, type CallName, callInfo } from './call-info';
import { clientPackageExports, knownOperations } from './client-packages';
import {
  activateInterception,
  baseCopyOf,
  deactivateInterception,
  type SendFunction,
  type SendHandler,
} from './interception';
import { assertHint, describeRaised, formatCall, mockHint } from './messages';
import { describe, normalizeSpec, type Outcome } from './mock-spec';
import {
  DOCUMENT_OPERATION_NAMES,
  DOCUMENT_SERVICE,
  DOCUMENT_SERVICE_KEY,
  nameCommand,
  nameCommandClass,
  serviceDisplayName,
  serviceKey,
  serviceNames,
} from './naming';
import type { EscapedRequest, EscapeHandler } from './network-guard';
import { buildOutput } from './outputs';
import { payloadMembersByName } from './payload-members';
import { MockQueues } from './queues';
import { raisedMatches } from './raised';
import { abortError, buildServiceError } from './sdk-errors';
import { modelSource, operationModel, operationModelByName } from './service-model';
import { summarizeForPayload } from './summaries';
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
import { UploadFailures } from './upload-failures';
import { hasUnknownParams, memberNames, outputProblems, paramProblems } from './validation';

/** The fields of a recorded AWS interaction. */
interface AwsCallFields {
  service: string;
  serviceKey: string;
  operation: string;
  params: unknown;
  raised?: unknown;
}

interface ExpectedCall {
  service: string;
  serviceKey: string;
  operation: string;
  params: unknown;
  raised?: unknown;
}

/** The part of an SDK command the interception reads. */
interface SdkCommand {
  readonly input?: unknown;
  readonly constructor: object;
}

interface AbortSignalLike {
  aborted?: boolean;
  addEventListener?(type: 'abort', listener: () => void, options?: { once: boolean }): void;
  removeEventListener?(type: 'abort', listener: () => void): void;
}

interface SendOptions {
  abortSignal?: AbortSignalLike;
}

const ASSERTION_FIELDS = ['service', 'operation', 'params', 'raised'];
const SUCCEEDED = new Note('nothing: the call succeeded');

/**
 * Mocks, records and checks AWS SDK v3 calls: a FIFO queue of outcomes per `service:operation`,
 * interception of `Client.send`, and the assertion and verification hooks of the plugin contract.
 */
export class AwsPlugin implements Plugin, SendHandler, EscapeHandler {
  readonly name = 'aws';
  private readonly queues = new MockQueues();
  private readonly displayNames = new Map<string, string>();
  /** Every name a call was made under, for the 'did you mean' of unused mocks. */
  private readonly called = new Set<CallName>();
  private readonly uploadFailures = new UploadFailures();
  private activations = 0;

  constructor(private readonly host: PluginHost) {
    if (host === null || typeof host !== 'object' || typeof host.registerPlugin !== 'function') {
      throw new TripwireConfigError(
        'new AwsPlugin(verifier) takes a StrictVerifier: new AwsPlugin(new StrictVerifier()).',
      );
    }
    host.registerPlugin(this);
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
    const registeredAt = new CallSite();
    const { name, spec } =
      typeof first === 'function'
        ? { name: this.nameFromClass(first, 'mockCall'), spec: second }
        : { name: this.nameFromStrings(first, second, 'mockCall'), spec: third };
    const normalized = normalizeSpec(spec, `mockCall('${name.service}', '${name.operation}', ...)`);
    if (normalized.outcome.kind === 'returns') {
      const commandClass =
        typeof first === 'function'
          ? first
          : clientPackageExports(name.serviceKey)?.[`${name.operation}Command`];
      refuseStreamsForBlobs(name, commandClass, normalized.outcome.value);
      this.checkRegisteredOutput(
        typeof first === 'function' ? first : undefined,
        name,
        normalized.outcome.value,
      );
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

  /** A static `returns` is checked against the service model when it is registered. */
  private checkRegisteredOutput(commandClass: unknown, name: CallName, output: unknown): void {
    if (!this.host.settings.validate || !isPlainObject(output)) return;
    const model =
      typeof commandClass === 'function'
        ? operationModel(new (commandClass as new (input: object) => object)({}), () =>
            modelSource(name.serviceKey, undefined),
          )
        : operationModelByName(name.serviceKey, name.operation);
    if (model === undefined) return;
    const problems = outputProblems(model, output);
    if (problems.length === 0) return;
    throw new TripwireConfigError(
      `mockCall('${name.service}', '${name.operation}', ...): returns does not match the ${name.operation} output of the installed SDK:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        `\nFix the output; or, if the model is wrong, turn validation off: ${this.host.hintName}.configure({ validate: false });`,
    );
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
    const expected =
      typeof first === 'function' ? this.typedAssertion(first, second) : this.plainAssertion(first);
    if (isOnlyWildcards(expected.params)) throw this.allWildcardError(expected);
    this.host.assertInteraction(this, expected as unknown as Record<string, unknown>);
  }

  private plainAssertion(assertion: unknown): ExpectedCall {
    if (!isPlainObject(assertion)) {
      throw new TripwireConfigError(
        `assertAwsCall() takes { service, operation, params }, not ${describe(assertion)}: ` +
          `${this.host.hintName}.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });`,
      );
    }
    this.checkAssertionKeys(assertion);
    const missing = ['service', 'operation', 'params'].filter((field) => assertion[field] === undefined);
    if (missing.length > 0) {
      const example = {
        service: assertion.service ?? 's3',
        operation: assertion.operation ?? 'GetObject',
        params: assertion.params ?? { Bucket: 'b', Key: 'k' },
      };
      throw new MissingAssertionFieldsError(
        `assertAwsCall() needs ${missing.join(', ')}: every assertion names the service, the operation and the exact params.\n` +
          `  ${this.host.hintName}.aws.assertAwsCall(${formatValue(example)});`,
      );
    }
    const name = this.nameFromStrings(assertion.service, assertion.operation, 'assertAwsCall');
    return this.expectedCall(name, assertion);
  }

  private typedAssertion(commandClass: unknown, assertion: unknown): ExpectedCall {
    const name = this.nameFromClass(commandClass, 'assertAwsCall');
    if (!isPlainObject(assertion)) {
      throw new TripwireConfigError(
        `assertAwsCall(${name.operation}Command, ...) takes { params, raised? } as its second argument: ` +
          `${this.host.hintName}.aws.assertAwsCall(${name.operation}Command, { params: { /* ... */ } });`,
      );
    }
    this.checkAssertionKeys(assertion);
    if (assertion.params === undefined) {
      throw new MissingAssertionFieldsError(
        `assertAwsCall(${name.operation}Command, ...) needs params: every assertion names the exact params.\n` +
          `  ${this.host.hintName}.aws.assertAwsCall(${name.operation}Command, { params: { /* ... */ } });`,
      );
    }
    return this.expectedCall(name, assertion);
  }

  private checkAssertionKeys(assertion: Record<string, unknown>): void {
    for (const key of Object.keys(assertion)) {
      if (!ASSERTION_FIELDS.includes(key)) {
        throw new TripwireConfigError(
          `assertAwsCall() has no field '${key}'.${didYouMean(key, ASSERTION_FIELDS)} Fields: ${ASSERTION_FIELDS.join(', ')}.`,
        );
      }
    }
  }

  private expectedCall(name: CallName, assertion: Record<string, unknown>): ExpectedCall {
    const expected: ExpectedCall = {
      service: name.service,
      serviceKey: name.serviceKey,
      operation: name.operation,
      params: assertion.params,
    };
    if ('raised' in assertion) expected.raised = assertion.raised;
    return expected;
  }

  private allWildcardError(expected: ExpectedCall): AllWildcardAssertionError {
    const candidate = this.host.findUnasserted(
      (interaction) =>
        interaction.plugin === this &&
        this.matchName(interaction.fields as unknown as AwsCallFields, expected),
    );
    const hint =
      candidate === undefined
        ? `  ${this.host.hintName}.aws.assertAwsCall({ service: '${expected.service}', operation: '${expected.operation}', params: { /* the exact params */ } });`
        : indented(this.assertHint(candidate));
    return new AllWildcardAssertionError(
      `Assertion for ${expected.service}.${expected.operation} is made only of wildcards (${formatValue(expected.params)}), so it would pass whatever the code sent.\n` +
        `Assert the real params (use expect.objectContaining({ ... }) for an explicit partial match):\n${hint}`,
    );
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

  formatInteraction(interaction: Interaction): string {
    const fields = interaction.fields as unknown as AwsCallFields;
    const call = formatCall(fields.service, fields.operation, fields.params);
    return fields.raised === undefined ? call : `${call} raised ${describeRaised(fields.raised)}`;
  }

  formatExpected(expectedFields: Readonly<Record<string, unknown>>): string {
    const expected = expectedFields as unknown as ExpectedCall;
    const call = formatCall(expected.service, expected.operation, expected.params);
    return 'raised' in expected ? `${call} raised ${formatValue(expected.raised)}` : call;
  }

  assertHint(interaction: Interaction): string {
    const fields = interaction.fields as unknown as AwsCallFields;
    return assertHint(this.host.hintName, fields.service, fields.operation, fields.params, fields.raised);
  }

  matchFields(interaction: Interaction, expectedFields: Readonly<Record<string, unknown>>): FieldMismatch[] {
    const actual = interaction.fields as unknown as AwsCallFields;
    const expected = expectedFields as unknown as ExpectedCall;
    const mismatches: FieldMismatch[] = [];
    if (actual.serviceKey !== expected.serviceKey) {
      mismatches.push({ path: 'service', expected: expected.service, actual: actual.service });
    }
    if (!operationMatches(actual.operation, expected.operation)) {
      mismatches.push({ path: 'operation', expected: expected.operation, actual: actual.operation });
    }
    diffValues(expected.params, actual.params, 'params', mismatches);
    if ('raised' in expected) {
      if (actual.raised === undefined) {
        mismatches.push({
          path: 'raised',
          expected: expected.raised,
          actual: SUCCEEDED,
        });
      } else if (!raisedMatches(expected.raised, actual.raised)) {
        mismatches.push({ path: 'raised', expected: expected.raised, actual: actual.raised });
      }
    }
    return mismatches;
  }

  assertionKey(interaction: Interaction): string | undefined {
    const fields = interaction.fields as unknown as AwsCallFields;
    const params = canonicalKey(fields.params);
    return params === undefined ? undefined : `${fields.serviceKey}:${fields.operation}:${params}`;
  }

  expectedKey(expectedFields: Readonly<Record<string, unknown>>): string | undefined {
    const expected = expectedFields as unknown as ExpectedCall;
    const params = canonicalKey(expected.params);
    return params === undefined ? undefined : `${expected.serviceKey}:${expected.operation}:${params}`;
  }

  missingFields(interaction: Interaction, expected: Readonly<Record<string, unknown>>): string[] {
    const fields = interaction.fields as unknown as AwsCallFields;
    return fields.raised !== undefined && !('raised' in expected) ? ['raised'] : [];
  }

  summarize(interaction: Interaction): InteractionSummary {
    const fields = interaction.fields as unknown as AwsCallFields;
    const summary = {
      sequence: interaction.sequence,
      service: fields.service,
      operation: fields.operation,
      params: summarizeForPayload(fields.params),
    };
    if (fields.raised === undefined) return summary;
    const raised = fields.raised instanceof Error ? fields.raised : new Error(String(fields.raised));
    return { ...summary, raised: { name: raised.name, message: raised.message } };
  }

  unusedMocks(): Array<{ summary: UnusedMockSummary; description: string }> {
    return this.queues.unusedRequired().map(({ key, registration }) => {
      const service = this.displayNames.get(key.slice(0, key.indexOf(':'))) ?? registration.service;
      const registeredAt = registration.registeredAt.toString();
      const left = registration.times - registration.consumed;
      const count = registration.times > 1 ? ` (${left} of times: ${registration.times} unused)` : '';
      const suggestion = registration.consumed === 0 ? this.calledInstead(key, registration.operation) : '';
      return {
        summary: { service, operation: registration.operation, registeredAt },
        description: `${service}.${registration.operation}${count}, registered at ${registeredAt}${suggestion}`,
      };
    });
  }

  // Interception

  /** @internal Called by the patched `send` of every client routed to this plugin's verifier. */
  handleSend(
    route: Route,
    client: object,
    command: unknown,
    optionsOrCallback: unknown,
    maybeCallback: unknown,
    original: SendFunction,
  ): unknown {
    if (route.mode === 'guarded' && this.host.settings.guard !== 'error') {
      if (this.host.settings.guard === 'warn') this.warnGuarded(client, command as object);
      return original.call(client, command, optionsOrCallback, maybeCallback);
    }
    const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
    const options =
      typeof optionsOrCallback === 'object' ? (optionsOrCallback as SendOptions | null) : undefined;
    const result = this.serve(route.mode, client, command as SdkCommand, options ?? undefined);
    if (typeof callback !== 'function') return result;
    result.then(
      (output) => callback(null, output),
      (error) => callback(error),
    );
    return undefined;
  }

  private serve(mode: Route['mode'], client: object, command: SdkCommand, options: SendOptions | undefined) {
    const info = callInfo(client, command);
    const name = info.name;
    if (info.notedBy !== this) {
      info.notedBy = this;
      this.displayNames.set(name.serviceKey, name.service);
      this.called.add(name);
    }
    const params = copyData(command.input ?? {}, false);
    if (mode !== 'sandbox') {
      return Promise.reject(this.violation(mode === 'guarded' ? 'guarded' : 'post-sandbox', name, params));
    }
    const signal = options?.abortSignal;
    if (signal?.aborted) {
      const fields = this.record(name, params);
      fields.raised = abortError();
      return Promise.reject(fields.raised);
    }
    if (this.host.settings.validate) {
      const problems = this.paramProblems(info, client, command, params);
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

  private paramProblems(
    info: CallInfo,
    client: object,
    command: object,
    params: unknown,
  ): string[] | undefined {
    if (info.model === undefined) {
      info.model =
        operationModel(command, () => modelSource(info.name.serviceKey, baseCopyOf(client)?.file)) ?? null;
    }
    if (info.model === null) return undefined;
    const tolerated = toleratedParams(info.name);
    if (!hasUnknownParams(info.model, params, tolerated)) return undefined;
    return paramProblems(info.model, params, tolerated);
  }

  private output(info: CallInfo, fields: AwsCallFields, registered: unknown): Record<string, unknown> {
    const built = buildOutput(registered, info.members, info.copy);
    if (info.name.operation === 'UploadPart') this.uploadFailures.noteOutput(info.name, fields.params, built);
    return built;
  }

  private settle(
    outcome: Outcome,
    fields: AwsCallFields,
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
      if (!isPlainObject(output)) {
        throw new TripwireConfigError(
          `The returns function for ${name.service}.${name.operation} produced ${describe(output)}; it must return the output object ({} for an empty one).`,
        );
      }
      return this.output(info, fields, output);
    };
    switch (outcome.kind) {
      case 'returns':
        return settleSync(() => succeed(outcome.value), fail);
      case 'raises-error':
        return fail(withResponse(outcome.error));
      case 'raises-code':
        return fail(buildServiceError(client, name.serviceKey, outcome.spec));
      case 'returns-fn':
      case 'raises-fn': {
        let produced: unknown;
        try {
          produced = outcome.fn(copyData(fields.params) as never);
        } catch (error) {
          return fail(error);
        }
        if (outcome.kind === 'raises-fn') return fail(produced);
        if (!isThenable(produced)) return settleSync(() => succeed(produced), fail);
        // A pending response can still be aborted, as an in-flight request can.
        return untilAborted(Promise.resolve(produced).then(succeed), signal).catch(fail);
      }
    }
  }

  private record(name: CallName, params: unknown): AwsCallFields {
    const fields: AwsCallFields = {
      service: name.service,
      serviceKey: name.serviceKey,
      operation: name.operation,
      params,
      // Declared now so that a later raise does not change the object's shape.
      raised: undefined,
    };
    this.host.record(this, fields as unknown as Record<string, unknown>);
    return fields;
  }

  private violation(kind: ViolationKind, name: CallName, params: unknown, problems: string[] = []): Error {
    const call = formatCall(name.service, name.operation, params);
    const site = currentUserFrame();
    const where = site === undefined ? '' : `\nCalled at ${site}`;
    let error: Error;
    if (kind === 'unmocked') {
      const queued = this.queues.queuedCount(name.key);
      const used =
        queued === 0
          ? ''
          : queued === 1
            ? `\nThe one mock registered for ${name.service}.${name.operation} was used by an earlier call.`
            : `\nThe ${queued} mocks registered for ${name.service}.${name.operation} were all used by earlier calls.`;
      const fix =
        queued === 0
          ? `Register a mock before the sandbox:\n  ${mockHint(this.host.hintName, name.service, name.operation)}`
          : `Register one more, or raise times on the existing registration to { times: ${queued + 1} }:\n  ${mockHint(this.host.hintName, name.service, name.operation)}`;
      this.uploadFailures.noteUnmocked(name, params);
      const abortReason = this.uploadFailures.explainAbort(name, params);
      const context = abortReason === undefined ? '' : `\n${abortReason}`;
      error = new UnmockedInteractionError(`Unmocked AWS call: ${call}${context}${used}${where}\n${fix}`);
    } else if (kind === 'invalid-params') {
      error = new InvalidParamsError(
        `AWS call with params the operation does not have: ${call}\n` +
          problems.map((problem) => `  - ${problem}`).join('\n') +
          `${where}\nThe real SDK drops unknown params without a word, and the request then fails or does the wrong thing in production. ` +
          `Fix the code under test; or, if the model is wrong, turn validation off for this test:\n  ${this.host.hintName}.configure({ validate: false });`,
      );
    } else if (kind === 'guarded') {
      error = new GuardedCallError(
        `AWS call outside the sandbox: ${call}${where}\n` +
          'The ts-tripwire guard blocks real AWS calls during tests. Run the code under test inside the sandbox:\n' +
          `  await ${this.host.hintName}.run(async () => { /* the code that calls ${name.service}.${name.operation} */ });\n` +
          `or let real calls through for this test (or, at the top of the file, for every test in it):\n  ${this.host.hintName}.configure({ guard: 'warn' });`,
      );
    } else {
      error = new PostSandboxInteractionError(
        `AWS call after the sandbox closed: ${call}${where}\n` +
          `Async work started inside ${this.host.hintName}.run() made this call after run() had settled. Await that work inside the sandbox:\n` +
          `  await ${this.host.hintName}.run(async () => { await theWorkThatCalls(); });`,
      );
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

  private warnGuarded(client: object, command: unknown): void {
    const { name } = callInfo(client, command as object);
    const params = (command as { input?: unknown }).input ?? {};
    console.warn(
      `ts-tripwire: real AWS call outside the sandbox let through by guard: 'warn': ${formatCall(name.service, name.operation, params)}`,
    );
  }

  /** @internal The network safety net caught a request that never went through `send`: remember it and explain. */
  handleEscape(_route: Route, request: EscapedRequest): Error {
    const service = serviceDisplayName(request.signingService ?? request.host);
    const operation = request.operation ?? `${request.method} ${request.path}`;
    const signed =
      request.signingService === undefined
        ? ''
        : request.operation === undefined
          ? ` (signed for ${request.signingService})`
          : ` (${service}.${request.operation})`;
    const error = new EscapedRequestError(
      `AWS SDK request escaped interception and was blocked: ${request.method} ${request.host}${request.path}${signed}\n` +
        'The client that sent it is built on a copy of the AWS SDK core that ts-tripwire did not patch: an SDK bundled ' +
        'into the code under test (esbuild, webpack), or one loaded in a module registry of its own (jest.isolateModules). ' +
        'Nothing left the process.\n' +
        'Let that code load @aws-sdk/* and @smithy/* from node_modules (mark them external when bundling), or open the ' +
        'sandbox where that copy is loaded, so its calls are served from the mocks:\n' +
        `  await ${this.host.hintName}.run(async () => { /* load and call the client here */ });`,
    );
    this.host.rememberViolation({ kind: 'escaped', service, operation, params: {}, message: error.message });
    return error;
  }

  // Naming

  private callName(service: string, operation: string, authoritativeDisplay = false): CallName {
    const names = serviceNames(service);
    let display = this.displayNames.get(names.key);
    if (display === undefined || (authoritativeDisplay && display !== names.display)) {
      display = names.display;
      this.displayNames.set(names.key, display);
    }
    return { key: `${names.key}:${operation}`, serviceKey: names.key, service: display, operation };
  }

  private nameFromStrings(service: unknown, operation: unknown, method: string): CallName {
    if (isCommandInstance(service)) {
      const name = nameCommand(service);
      throw new TripwireConfigError(
        `${method}() takes the command class, not an instance: ${this.host.hintName}.aws.${method}(${name.operation}Command, ${method === 'mockCall' ? '{ returns: { /* ... */ } }' : '{ params: { /* ... */ } }'}) ` +
          `(or the strings: '${name.document ? DOCUMENT_SERVICE : (name.serviceKey ?? 'service')}', '${name.operation}').`,
      );
    }
    if (
      typeof service !== 'string' ||
      service.trim() === '' ||
      typeof operation !== 'string' ||
      operation.trim() === ''
    ) {
      throw new TripwireConfigError(
        `${method}() takes the service and the operation as strings, not ${describe(service)} and ${describe(operation)}: ` +
          `${this.host.hintName}.aws.${method}(${method === 'mockCall' ? "'s3', 'GetObject', { returns: { /* ... */ } }" : "{ service: 's3', operation: 'GetObject', params: { /* ... */ } }"}).`,
      );
    }
    const key = serviceKey(service);
    const display = this.displayNames.get(key) ?? serviceDisplayName(service);
    return this.callName(display, canonicalOperation(key, display, operation.trim()));
  }

  private nameFromClass(commandClass: unknown, method: string): CallName {
    let name: ReturnType<typeof nameCommandClass> | undefined;
    try {
      name = nameCommandClass(commandClass as new (input: object) => object);
    } catch {
      name = undefined;
    }
    if (name?.serviceKey === undefined) {
      throw new TripwireConfigError(
        `${method}() was given a function that is not an AWS SDK v3 command class. Pass the class itself ` +
          "(GetObjectCommand, not new GetObjectCommand(...)), or the strings: mockCall('s3', 'GetObject', { ... }).",
      );
    }
    return this.callName(name.document ? DOCUMENT_SERVICE : name.serviceKey, name.operation);
  }

  private matchName(actual: AwsCallFields, expected: ExpectedCall): boolean {
    return (
      actual.serviceKey === expected.serviceKey && operationMatches(actual.operation, expected.operation)
    );
  }

  private calledInstead(key: string, operation: string): string {
    const service = key.slice(0, key.indexOf(':'));
    const calledServices = new Set([...this.called].map((name) => name.serviceKey));
    const called = calledServices.has(service)
      ? new Set([...this.called].filter((name) => name.serviceKey === service).map((name) => name.operation))
      : undefined;
    if (called === undefined) {
      const otherService = closestMatch(service, calledServices);
      if (otherService === undefined) return '';
      const display = this.displayNames.get(otherService) ?? otherService;
      return `. No ${this.displayNames.get(service) ?? service} call was made, but ${display} calls were: did you mean '${display}'?`;
    }
    if (called.has(operation)) return '';
    // Strict: two real operations (CreateMultipartUpload, CompleteMultipartUpload) are often a few edits apart.
    const match = closestMatch(operation, called, 2);
    if (match === undefined) return '';
    return `. It was never called, but ${this.displayNames.get(service) ?? service}.${match} was: did you mean '${match}'?`;
  }
}

/** Resolves `'GetObjectCommand'` to `'GetObject'` unless the service really has an operation of that name. */
function canonicalOperation(key: string, service: string, operation: string): string {
  const operations = knownOperations(key);
  if (operations === undefined || operations.has(operation)) return operation;
  const stripped = operation.replace(/Command$/, '');
  if (operations.has(stripped)) return stripped;
  const documentName = key === DOCUMENT_SERVICE_KEY ? DOCUMENT_OPERATION_NAMES[stripped] : undefined;
  const suggestion = documentName
    ? ` Did you mean '${documentName}'? The document client names ${stripped} '${documentName}'.`
    : didYouMean(stripped, operations);
  throw new TripwireConfigError(
    `${service} has no operation '${operation}'.${suggestion} ` +
      `Operations are command class names without 'Command' (GetObjectCommand → 'GetObject').`,
  );
}

// lib-storage's Upload passes every PutObject param to the multipart calls (and to PutObjectTagging), which
// drop those they lack.
const MULTIPART_OPERATIONS = new Set([
  'PutObjectTagging',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
]);
let putObjectParams: ReadonlySet<string> | undefined;

function toleratedParams(name: CallName): ReadonlySet<string> | undefined {
  if (name.serviceKey !== 's3' || !MULTIPART_OPERATIONS.has(name.operation)) return undefined;
  if (putObjectParams === undefined) {
    const model = operationModelByName('s3', 'PutObject');
    if (model === undefined) return undefined;
    putObjectParams = memberNames(model.input);
  }
  return putObjectParams;
}

function operationMatches(recorded: string, expected: string): boolean {
  return recorded === expected || `${recorded}Command` === expected;
}

function isCommandInstance(value: unknown): value is object {
  return (
    value !== null &&
    typeof value === 'object' &&
    'input' in value &&
    typeof (value as { resolveMiddleware?: unknown }).resolveMiddleware === 'function'
  );
}

/** A blob member (Lambda `Payload`) is bytes in the real SDK: a stream given for it would reach the code as one. */
function refuseStreamsForBlobs(name: CallName, commandClass: unknown, output: unknown): void {
  if (!isPlainObject(output)) return;
  for (const { name: member, kind } of payloadMembersByName(
    `${name.serviceKey}:${name.operation}`,
    commandClass,
  )) {
    if (kind === 'blob' && output[member] instanceof Readable) {
      throw new TripwireConfigError(
        `mockCall('${name.service}', '${name.operation}', ...): ${member} is a blob, not a stream: give it as a string or bytes.`,
      );
    }
  }
}

function settleSync(produce: () => unknown, fail: (error: unknown) => Promise<never>): Promise<unknown> {
  try {
    return Promise.resolve(produce());
  } catch (error) {
    return fail(error);
  }
}

function untilAborted(pending: Promise<unknown>, signal: AbortSignalLike | undefined): Promise<unknown> {
  if (signal?.addEventListener === undefined) return pending;
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError());
    signal.addEventListener?.('abort', onAbort, { once: true });
  });
  return Promise.race([pending, aborted]).finally(() => signal.removeEventListener?.('abort', onAbort));
}

/** SDK waiters (3.6xx) read `$response.statusCode` of any error with `$metadata`, as deserialized errors have. */
function withResponse(error: Error): Error {
  const { $metadata, $response } = error as { $metadata?: { httpStatusCode?: unknown }; $response?: unknown };
  if ($response === undefined && typeof $metadata?.httpStatusCode === 'number') {
    Object.defineProperty(error, '$response', {
      value: { statusCode: $metadata.httpStatusCode, headers: {}, body: undefined },
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
  return error;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function'
  );
}
