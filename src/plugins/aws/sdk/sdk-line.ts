import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { debuglog } from 'node:util';
import { acrossRealms } from '../../../util/process-wide';
import {
  requiredUncheckedWarning,
  VALIDATING_SDK_VERSION,
  validationSkippedWarning,
} from '../messages/warnings';
import { loadedClientPackages } from './client-packages';

const log = debuglog('tripwire');
// Once per process, not per Jest test file: every file of a worker would otherwise repeat it.
const warned = acrossRealms<Set<string>>('aws-warned-validation-skipped.v1', () => new Set());

/** @internal For tests: the marks of the warnings this process has given, which a test may clear and restore. */
export const validationWarningsGiven: Set<string> = warned;

/**
 * Validation is skipped on SDK lines whose commands carry no schema (before about 3.95x): said where users
 * see it, as a process warning once per process, and again under NODE_DEBUG=tripwire.
 */
export function warnValidationSkipped(commandClass: unknown, resolveFrom: string): void {
  if (warned.has('no-schemas')) return;
  warned.add('no-schemas');
  log(
    'this SDK line has no operation schemas: params and outputs are not validated against the service model',
  );
  // The package that exports the command: with two lines installed, the one without schemas.
  process.emitWarning(validationSkippedWarning(sdkLine(packageOf(commandClass)?.file ?? resolveFrom)), {
    type: 'TripwireWarning',
    code: 'TRIPWIRE_VALIDATION_SKIPPED',
  });
}

/**
 * Lines with operation schemas but before required-member counts (3.95x up to 3.968) validate everything but
 * required members: said once per process. Decided on the first model read, from the command's package.
 */
export function warnIfRequiredUnchecked(commandClass: unknown, resolveFrom: string): void {
  if (warned.has('required-decided')) return;
  warned.add('required-decided');
  const line = sdkLine(packageOf(commandClass)?.file ?? resolveFrom);
  if (line === undefined || !marksNoRequiredMembers(line)) return;
  process.emitWarning(requiredUncheckedWarning(line), {
    type: 'TripwireWarning',
    code: 'TRIPWIRE_VALIDATION_PARTIAL',
  });
}

/** Whether a line (`@aws-sdk/client-s3 3.952.0`) is older than the first whose schemas count required members. */
export function marksNoRequiredMembers(line: string): boolean {
  const version = /(\d+)\.(\d+)\.(\d+)$/.exec(line);
  const [, , minimum] = /^(\d+)\.(\d+)/.exec(VALIDATING_SDK_VERSION) ?? [];
  if (version === null || minimum === undefined) return false;
  return Number(version[1]) === 3 && Number(version[2]) < Number(minimum);
}

function packageOf(commandClass: unknown) {
  return loadedClientPackages().find((found) => Object.values(found.exports).includes(commandClass));
}

/** `@aws-sdk/client-s3 3.600.0`: the package that `file` belongs to, when it is an SDK package. */
export function sdkLine(file: string): string | undefined {
  let directory = dirname(file);
  for (let depth = 0; depth < 4; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (typeof manifest.name === 'string' && manifest.name.startsWith('@aws-sdk/')) {
        return `${manifest.name} ${String(manifest.version)}`;
      }
    } catch {
      // No manifest here: look one level up.
    }
    directory = dirname(directory);
  }
  return undefined;
}
