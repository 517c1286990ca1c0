import type { GuardLevel } from '../plugins/plugin';
import { describeValue } from '../util/describe-value';
import { describeThrown, guardedRead } from '../util/guarded-read';
import { TripwireConfigError } from './errors';

export interface ConfigureOptions {
  /** What an SDK call outside any sandbox does while the test-runner guard is on. Default `'error'`. */
  guard?: GuardLevel;
  /**
   * Check mocked outputs (at registration) and call params (at call time) against the installed SDK's
   * service model, where the SDK line has one. Default `true`.
   */
  validate?: boolean;
}

const GUARD_LEVELS: readonly unknown[] = ['error', 'warn', 'off'];
const OPTION_NAMES = ['guard', 'validate'];

/**
 * Reads `configure()`'s options once, checks them, and returns what was checked: the caller stores this
 * copy, never the user's object (whose getters could answer differently the second time).
 */
export function readConfigureOptions(options: unknown, hintName: string): ConfigureOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TripwireConfigError(
      `configure() takes an options object, not ${describeValue(options)}: ${hintName}.configure({ guard: 'warn' });`,
    );
  }
  const keys = guardedRead(() => Object.keys(options));
  if (!keys.ok) throw unreadable('its keys', keys.error);
  const unknown = keys.value.filter((key) => !OPTION_NAMES.includes(key));
  if (unknown.length > 0) {
    throw new TripwireConfigError(
      `configure() does not know ${unknown.map((key) => `'${key}'`).join(', ')}. Its options: guard ('error' | 'warn' | 'off'), validate (boolean).`,
    );
  }
  const checked: ConfigureOptions = {};
  const guard = readOption(options, 'guard');
  if (guard !== undefined) {
    if (!GUARD_LEVELS.includes(guard)) {
      throw new TripwireConfigError(
        `configure({ guard }) was given ${describeValue(guard)}, which is not a guard level. Use 'error' (default), 'warn' or 'off': ${hintName}.configure({ guard: 'warn' });`,
      );
    }
    checked.guard = guard as GuardLevel;
  }
  const validate = readOption(options, 'validate');
  if (validate !== undefined) {
    if (typeof validate !== 'boolean') {
      throw new TripwireConfigError(
        `configure({ validate }) takes true or false, not ${describeValue(validate)}: ${hintName}.configure({ validate: false });`,
      );
    }
    checked.validate = validate;
  }
  return checked;
}

function readOption(options: object, name: string): unknown {
  const read = guardedRead(() => (options as Record<string, unknown>)[name]);
  if (!read.ok) throw unreadable(`its '${name}' option`, read.error);
  return read.value;
}

function unreadable(what: string, error: unknown): TripwireConfigError {
  return new TripwireConfigError(
    `configure() could not read ${what}: reading it threw ${describeThrown(error)}. Pass a plain object: configure({ guard: 'warn' }).`,
  );
}
