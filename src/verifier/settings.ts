import { TripwireConfigError } from '../errors';
import type { GuardLevel, SettingSpec, SettingSpecs } from '../plugins/contract/plugin';
import { describeValue } from '../util/describe-value';
import { describeThrown, guardedRead } from '../util/guarded-read';

const GUARD_LEVELS: readonly unknown[] = ['error', 'warn', 'off'];

/** The verifier's own setting; plugins add theirs. */
export const GUARD_SETTING: SettingSpec = {
  default: 'error' satisfies GuardLevel,
  check: (value, described) =>
    GUARD_LEVELS.includes(value)
      ? undefined
      : `was given ${described}, which is not a guard level. Use 'error' (default), 'warn' or 'off'`,
  example: "guard: 'warn'",
};

/** Every setting at its default. */
export function defaultSettings(specs: SettingSpecs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.default]));
}

/**
 * Reads `configure()`'s options once, checks each against its spec, and returns what was checked: the caller
 * stores this copy, never the user's object (whose getters could answer differently the second time).
 */
export function readConfigureOptions(
  options: unknown,
  hintName: string,
  specs: SettingSpecs,
): Record<string, unknown> {
  const known = Object.keys(specs);
  const example = `${hintName}.configure({ ${Object.values(specs)[0]?.example ?? ''} });`;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TripwireConfigError(
      `configure() takes an options object, not ${describeValue(options)}: ${example}`,
    );
  }
  const keys = guardedRead(() => Object.keys(options));
  if (!keys.ok) throw unreadable('its keys', keys.error, example);
  const unknown = keys.value.filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new TripwireConfigError(
      `configure() does not know ${unknown.map((key) => `'${key}'`).join(', ')}. Its options: ${known.join(', ')}.`,
    );
  }
  const checked: Record<string, unknown> = {};
  for (const name of keys.value) {
    const spec = specs[name]!;
    const read = guardedRead(() => (options as Record<string, unknown>)[name]);
    if (!read.ok) throw unreadable(`its '${name}' option`, read.error, example);
    if (read.value === undefined) continue;
    const problem = spec.check(read.value, describeValue(read.value));
    if (problem !== undefined) {
      throw new TripwireConfigError(
        `configure({ ${name} }) ${problem}: ${hintName}.configure({ ${spec.example} });`,
      );
    }
    checked[name] = read.value;
  }
  return checked;
}

function unreadable(what: string, error: unknown, example: string): TripwireConfigError {
  return new TripwireConfigError(
    `configure() could not read ${what}: reading it threw ${describeThrown(error)}. Pass a plain object: ${example}`,
  );
}
