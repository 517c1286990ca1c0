import { formatValue } from '../../../util/format';
import type { CodeOptions, RecordedCode } from '../../contract/plugin';
import type { CallName } from '../sdk/call-info';
import type { CapturedError, CapturedOutcome } from './captured-call';
import { packageOf } from './client-package-name';
import { wildcardLargeParams } from './large-values';
import { LiteralValues, utf8Text } from './literal-values';
import { redactOutput, redactParams } from './secrets';
import { anyOrderStatement, assertStatement, mockStatement, type TypedName } from './statements';
import { Substitutions } from './substitutions';
import { normalizeOutput, stampsIn, VOLATILE_NOTE } from './volatile-values';

/** One call to write code for: a registration when its outcome was captured, an assertion when asked. */
export interface CodeEntry {
  readonly name: CallName;
  readonly params: unknown;
  readonly clientClass: unknown;
  /** Captured from the real service: a `mockCall` is written that gives it back. */
  readonly outcome: CapturedOutcome | undefined;
  /** An `assertAwsCall` is written, with `raised` when the call failed. */
  readonly assert: boolean;
  readonly raised: string | undefined;
  /** Entries of one group overlapped in time: their assertions go in one `inAnyOrder` block. */
  readonly group: number;
}

/**
 * The strict test code for the entries: registrations in call order, then assertions in call order. Outputs
 * are redacted and made deterministic first, so the placeholders they get are those the assertions show.
 */
export function writeRecordedCode(
  entries: readonly CodeEntry[],
  options: CodeOptions,
  hintName: string,
  recordedAgainst: readonly string[],
): RecordedCode {
  const writer = new CodeWriter(options, hintName);
  writer.substitutions.planStamps(
    entries.flatMap((entry) => (entry.outcome?.kind === 'output' ? stampsIn(entry.outcome.output) : [])),
  );
  const before = entries.flatMap((entry) =>
    entry.outcome === undefined ? [] : [writer.registration(entry)],
  );
  if (entries.some((entry) => entry.outcome?.kind === 'output')) writer.notes.add(VOLATILE_NOTE);
  const groups = new Map<number, string[]>();
  for (const entry of entries) {
    if (entry.assert) groups.set(entry.group, [...(groups.get(entry.group) ?? []), writer.assertion(entry)]);
  }
  return {
    before,
    after: [...groups.values()].map((assertions) => anyOrderStatement(hintName, assertions)),
    imports: [...writer.imports]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([from, names]) => ({ from, names: [...names].sort() })),
    notes: [...writer.notes],
    recordedAgainst: [...new Set(recordedAgainst)],
  };
}

/** What writing one set of entries accumulates: placeholders, notes, imports, long literals. */
class CodeWriter {
  readonly notes = new Set<string>();
  readonly substitutions = new Substitutions();
  readonly imports = new Map<string, Set<string>>();
  private readonly values = new LiteralValues();
  private readonly redact: boolean;

  constructor(
    private readonly options: CodeOptions,
    private readonly hintName: string,
  ) {
    this.redact = options.redact !== false;
  }

  /** The registration of a captured entry (one with an outcome). */
  registration(entry: CodeEntry): string {
    const outcome = entry.outcome!;
    const found = (what: string) =>
      this.notes.add(`${label(entry.name)}: ${what} redacted in the mocked output`);
    const spec =
      outcome.kind === 'output'
        ? outputSpec(outcome.output, this.substitutions, this.redact, found)
        : errorSpec(outcome.error, this.substitutions, entry.name, this.notes);
    return mockStatement(this.hintName, entry.name, spec, this.typedName(entry), this.values);
  }

  assertion(entry: CodeEntry): string {
    const note = (what: string, why: string) =>
      this.notes.add(`${label(entry.name)}: ${what} in the params ${why}`);
    let params = wildcardLargeParams(this.substitutions.apply(entry.params), (what) =>
      note(what, 'asserted as tripwire.ANY, being too large to write'),
    );
    if (this.redact) params = redactParams(params, (what) => note(what, 'asserted as tripwire.ANY'));
    return assertStatement(
      this.hintName,
      entry.name,
      params,
      entry.raised,
      this.typedName(entry),
      this.values,
    );
  }

  private typedName(entry: CodeEntry): TypedName | undefined {
    const typed = typedNameOf(entry, this.options.typed, this.notes);
    if (typed !== undefined) {
      this.imports.set(typed.from, (this.imports.get(typed.from) ?? new Set()).add(typed.className));
    }
    return typed;
  }
}

function label(name: CallName): string {
  return `${name.service}.${name.operation}`;
}

function outputSpec(
  output: Readonly<Record<string, unknown>>,
  substitutions: Substitutions,
  redact: boolean,
  found: (what: string) => void,
): Record<string, unknown> {
  const redacted = redact ? redactOutput(output, substitutions, found) : output;
  const returns = normalizeOutput(redacted, substitutions) as Record<string, unknown>;
  // A stream or blob payload read as bytes: given back as text when it is text (the mock makes it a stream).
  for (const [key, member] of Object.entries(returns)) {
    const text = Buffer.isBuffer(member) ? utf8Text(member) : undefined;
    if (text !== undefined) returns[key] = text;
  }
  return { returns };
}

function errorSpec(
  error: CapturedError,
  substitutions: Substitutions,
  name: CallName,
  notes: Set<string>,
): Record<string, unknown> {
  if (error.notFromService) {
    notes.add(
      `${label(name)} failed without a service error (${error.code}: ${error.message}); the mock raises it as one`,
    );
  }
  const raises: Record<string, unknown> = { code: error.code };
  if (error.message !== error.code) raises.message = error.message;
  if ('$fault' in error.differs) raises.$fault = error.differs.$fault;
  if ('httpStatusCode' in error.differs) raises.$metadata = { httpStatusCode: error.differs.httpStatusCode };
  const { code: ownCode, ...fields } = substitutions.apply(error.fields) as Record<string, unknown>;
  if (ownCode !== undefined) {
    notes.add(
      `${label(name)}: its error's own code field (${formatValue(ownCode, '')}) is not written: in raises, code is the error's name`,
    );
  }
  Object.assign(raises, fields);
  return { raises: Object.keys(raises).length === 1 ? error.code : raises };
}

function typedNameOf(
  entry: CodeEntry,
  typed: CodeOptions['typed'],
  notes: Set<string>,
): TypedName | undefined {
  if (typed === undefined || typed === false) return undefined;
  const className = `${entry.name.operation}Command`;
  if (Array.isArray(typed) && !typed.includes(className)) return undefined;
  const found = packageOf(entry.name.serviceKey, entry.clientClass);
  if (found === undefined || typeof found.exports[className] !== 'function') {
    notes.add(
      `${label(entry.name)}: no loaded package exports ${className}, so it is written in the string form`,
    );
    return undefined;
  }
  return { className, from: found.name };
}
