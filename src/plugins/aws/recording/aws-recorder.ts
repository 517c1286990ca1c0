import { isError } from '../../../util/is-error';
import type {
  CodeOptions,
  Interaction,
  Plugin,
  PluginHost,
  PluginRecorder,
  RecordedCode,
  RecorderStart,
} from '../../contract/plugin';
import type { RouteTarget } from '../../contract/routing';
import { type AwsCallFields, type ExpectedCall, RecordedCall } from '../asserting/call-fields';
import type { InterceptedSend } from '../interception/send-patch';
import type { CallInfo } from '../sdk/call-info';
import { sendAndCapture } from './capture';
import type { CapturedCall } from './captured-call';
import { overlapGroups } from './overlap';
import { type CodeEntry, writeRecordedCode } from './recorded-code';

/**
 * The AWS plugin's record and update modes: sends calls to the real service, captures what comes back, and
 * writes the strict test code for them.
 */
export class AwsRecorder implements PluginRecorder<AwsCallFields> {
  /** The calls of the recording going on (`start` to `stop`). */
  private captures: CapturedCall[] = [];
  private session: RecorderStart | undefined;
  /** Update mode: calls let through for want of a mock, by the timeline entry each was given. */
  private readonly unmocked = new Map<AwsCallFields, CapturedCall>();
  private clock = 0;

  constructor(
    private readonly plugin: Plugin<AwsCallFields, ExpectedCall>,
    private readonly host: PluginHost,
  ) {}

  start(options: RecorderStart): void {
    this.session = options;
    this.captures = [];
  }

  stop(options: CodeOptions): RecordedCode {
    const captures = this.captures;
    this.captures = [];
    this.session = undefined;
    const groups = overlapGroups(captures);
    const pending = captures.filter((call) => call.outcome === undefined);
    const entries = captures.flatMap((call, index): CodeEntry[] =>
      call.outcome === undefined
        ? []
        : [{ ...entryOf(call), assert: true, raised: raisedName(call), group: groups[index]! }],
    );
    const code = writeRecordedCode(entries, options, this.host.hintName, againstOf(captures));
    if (pending.length === 0) return code;
    const names = pending.map((call) => `${call.name.service}.${call.name.operation}`).join(', ');
    return {
      ...code,
      notes: [...code.notes, `still pending when the recording ended, so not written: ${names}`],
    };
  }

  missingCode(unasserted: readonly Interaction<AwsCallFields>[], options: CodeOptions): RecordedCode {
    const captured = [...this.unmocked];
    const groups = overlapGroups(captured.map(([, call]) => call));
    const groupOf = new Map(captured.map(([fields], index) => [fields, groups[index]!]));
    // Registrations for every call let through (asserted or not), then assertions for every unasserted one.
    const registrations = captured.map(
      ([, call]): CodeEntry => ({ ...entryOf(call), assert: false, raised: undefined, group: 0 }),
    );
    const assertions = unasserted.map(
      ({ fields, sequence }): CodeEntry => ({
        name: nameOf(fields),
        params: fields.params,
        clientClass: this.unmocked.get(fields)?.clientClass,
        outcome: undefined,
        assert: true,
        raised: raisedName({ outcome: undefined, raised: fields.raised }),
        // Calls not let through were served at once: each stands alone (negative, so apart from the groups).
        group: groupOf.get(fields) ?? -sequence,
      }),
    );
    const against = againstOf(captured.map(([, call]) => call));
    return writeRecordedCode([...registrations, ...assertions], options, this.host.hintName, against);
  }

  /** A call from a recording sandbox: to the real service, captured, and on the timeline when asked. */
  capture(target: RouteTarget, call: InterceptedSend, info: CallInfo, params: unknown): Promise<unknown> {
    const captured = this.captured(call, info, params);
    this.captures.push(captured);
    const fields = this.session?.onTimeline === true ? this.enter(info, params) : undefined;
    return this.send(target, call, info, captured, fields);
  }

  /** Update mode: a call with no mock goes to the real service, is captured, and is entered on the timeline. */
  captureUnmocked(
    target: RouteTarget,
    call: InterceptedSend,
    info: CallInfo,
    params: unknown,
  ): Promise<unknown> {
    const captured = this.captured(call, info, params);
    const fields = this.enter(info, params);
    this.unmocked.set(fields, captured);
    return this.send(target, call, info, captured, fields);
  }

  release(): void {
    this.captures = [];
    this.unmocked.clear();
  }

  private captured(call: InterceptedSend, info: CallInfo, params: unknown): CapturedCall {
    return {
      name: info.name,
      params,
      clientClass: call.client.constructor,
      commandClass: (call.command as { constructor?: unknown }).constructor,
      started: ++this.clock,
      settled: undefined,
      outcome: undefined,
      recordedAgainst: undefined,
    };
  }

  private enter(info: CallInfo, params: unknown): RecordedCall {
    const fields = new RecordedCall(info.name, params);
    this.host.recordInteraction(this.plugin, fields);
    return fields;
  }

  private send(
    target: RouteTarget,
    call: InterceptedSend,
    info: CallInfo,
    captured: CapturedCall,
    fields: RecordedCall | undefined,
  ): Promise<unknown> {
    return sendAndCapture(call, info, captured, target, () => ++this.clock).catch((error: unknown) => {
      if (fields !== undefined) fields.raised = error;
      throw error;
    });
  }
}

function entryOf(call: CapturedCall): Pick<CodeEntry, 'name' | 'params' | 'clientClass' | 'outcome'> {
  return { name: call.name, params: call.params, clientClass: call.clientClass, outcome: call.outcome };
}

function nameOf(fields: AwsCallFields): CodeEntry['name'] {
  return {
    key: `${fields.serviceKey}:${fields.operation}`,
    serviceKey: fields.serviceKey,
    service: fields.service,
    operation: fields.operation,
  };
}

function raisedName(call: { outcome: CapturedCall['outcome']; raised?: unknown }): string | undefined {
  if (call.outcome?.kind === 'error') return call.outcome.error.code;
  if (call.raised === undefined) return undefined;
  return isError(call.raised) ? call.raised.name : String(call.raised);
}

function againstOf(captures: readonly CapturedCall[]): string[] {
  return captures.flatMap((call) => (call.recordedAgainst === undefined ? [] : [call.recordedAgainst]));
}
