import { TripwireConfigError } from '../errors';
import type {
  CodeOptions,
  Interaction,
  Plugin,
  PluginRecorder,
  RecordedCode,
  RecorderStart,
  RecordOptions,
  RecordResult,
} from '../plugins/contract/plugin';
import type { CallSite } from '../util/call-site';
import { deactivateAll } from './plugin-set';
import { mergeCode, NO_CODE, recordedText } from './recording-code';
import { codeOptions, deliverText, readRecordOptions, runSiteOf } from './recording-options';
import { ensureRecordingAllowed } from './recording-settings';

/** What the recording functions need of their verifier. */
export interface RecordingContext {
  readonly hintName: string;
  /** Activates the verifier's plugins (each paired with a deactivate): they are the ones to record. */
  activateAll(): Plugin[];
  /** Runs `fn` in a sandbox of the verifier, a recording one when asked. */
  sandbox<T>(fn: () => T | Promise<T>, recording: boolean): Promise<T>;
}

/** `verifier.record(fn, options)`: `fn` in a recording sandbox, and the code for what it called. */
export async function recordCalls<T>(
  context: RecordingContext,
  fn: () => T | Promise<T>,
  options: unknown,
  site: CallSite,
): Promise<RecordResult<T>> {
  const checked: RecordOptions = readRecordOptions(options, context.hintName);
  ensureRecordingAllowed('record()', checked.allowInCI === true, 'record(fn, { allowInCI: true })');
  const plugins = context.activateAll();
  const recorders = recordersOf(plugins);
  try {
    startRecorders(recorders, { ...codeOptions(checked), onTimeline: false }, context.hintName);
    const value = await context.sandbox(fn, true);
    const code = stopRecorders(recorders, codeOptions(checked));
    const text = recordedText(code, context.hintName);
    const file = deliverText(text, checked, runSiteOf(site));
    return file === undefined ? { value, code, text } : { value, code, text, file };
  } finally {
    stopRecorders(recorders, {});
    deactivateAll(plugins);
  }
}

/** A `run(fn)` in record mode: its calls go to the real services, are captured, and are entered on the timeline. */
export async function recordingRun<T>(
  context: RecordingContext,
  fn: () => T | Promise<T>,
  done: (code: RecordedCode) => void,
): Promise<T> {
  const plugins = context.activateAll();
  const recorders = recordersOf(plugins);
  try {
    startRecorders(recorders, { onTimeline: true }, context.hintName);
    return await context.sandbox(fn, true);
  } finally {
    done(stopRecorders(recorders, {}));
    deactivateAll(plugins);
  }
}

/** Update mode: each plugin's code for its unasserted interactions and for the calls it let through. */
export function missingCode(
  plugins: readonly Plugin[],
  unasserted: readonly Interaction[],
  options: CodeOptions,
): RecordedCode {
  return mergeCode(
    plugins.map((plugin) => {
      const own = unasserted.filter((interaction) => interaction.plugin === plugin);
      return plugin.recorder?.missingCode(own, options) ?? NO_CODE;
    }),
  );
}

/** The recorders of the plugins that have one. */
export function recordersOf(plugins: readonly Plugin[]): PluginRecorder[] {
  return plugins.flatMap((plugin) => (plugin.recorder === undefined ? [] : [plugin.recorder]));
}

/** Starts every recorder; refuses a recording inside another of the same verifier. */
export function startRecorders(
  recorders: readonly PluginRecorder[],
  start: RecorderStart,
  hintName: string,
): void {
  for (const recorder of recorders) {
    if (active.has(recorder)) {
      throw new TripwireConfigError(
        `A recording of this verifier is already going on: record() and sandboxes in record mode do not nest. Record the calls in one: await ${hintName}.record(async () => { /* all the code */ });`,
      );
    }
  }
  for (const recorder of recorders) {
    recorder.start(start);
    active.add(recorder);
  }
}

/** Stops every recorder and merges their code. */
export function stopRecorders(recorders: readonly PluginRecorder[], options: CodeOptions): RecordedCode {
  const codes: RecordedCode[] = [];
  for (const recorder of recorders) {
    if (!active.delete(recorder)) continue;
    codes.push(recorder.stop(options));
  }
  return mergeCode(codes);
}

// Recorders with a recording going on.
const active = new WeakSet<PluginRecorder>();
