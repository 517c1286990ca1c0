import { TripwireConfigError } from '../errors';
import type { SettingSpec } from '../plugins/contract/plugin';

/**
 * How a verifier's sandboxes treat calls: `'strict'` (default) serves them from the mocks; `'record'` lets
 * every call through to the real service and captures it; `'update'` serves mocked calls and lets through,
 * and captures, only the calls that have no mock.
 */
export type VerifierMode = 'strict' | 'record' | 'update';

const MODES: readonly unknown[] = ['strict', 'record', 'update'];

/** Set to `1` to record (or update) although `CI` is set. */
export const ALLOW_CI_VARIABLE = 'TRIPWIRE_RECORD_ALLOW_CI';

/** `configure({ mode })`: refused in CI for the modes that reach real services, unless allowed. */
export const MODE_SETTING: SettingSpec = {
  default: 'strict' satisfies VerifierMode,
  check: (value, described) => {
    if (!MODES.includes(value)) {
      return `was given ${described}, which is not a mode. Use 'strict' (default), 'record' or 'update'`;
    }
    return value === 'strict' ? undefined : ciProblem(false);
  },
  example: "mode: 'record'",
};

/** Whether `CI` is set to anything but an explicit no. */
function inCI(): boolean {
  const value = process.env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function ciProblem(allowInCI: boolean): string | undefined {
  if (allowInCI || process.env[ALLOW_CI_VARIABLE] === '1' || !inCI()) return undefined;
  return (
    `reaches real services, and CI is set (CI=${process.env.CI}): recording is refused in CI so that no ` +
    `pipeline calls real endpoints by accident. Record on your machine, or allow it explicitly with ${ALLOW_CI_VARIABLE}=1`
  );
}

/** Throws `TripwireConfigError` when `action` would reach real services in CI without an explicit allow. */
export function ensureRecordingAllowed(action: string, allowInCI: boolean, fix: string): void {
  const problem = ciProblem(allowInCI);
  if (problem !== undefined) throw new TripwireConfigError(`${action} ${problem}, or ${fix}.`);
}
