import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { debuglog } from 'node:util';
import { acrossRealms } from '../../../util/process-wide';
import { validationSkippedWarning } from '../messages/warnings';
import { loadedClientPackages } from './client-packages';

const log = debuglog('tripwire');
// Once per process, not per Jest test file: every file of a worker would otherwise repeat it.
const warned = acrossRealms<Set<string>>('aws-warned-validation-skipped.v1', () => new Set());

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
  const own = loadedClientPackages().find((found) => Object.values(found.exports).includes(commandClass));
  process.emitWarning(validationSkippedWarning(sdkLine(own?.file ?? resolveFrom)), {
    type: 'TripwireWarning',
    code: 'TRIPWIRE_VALIDATION_SKIPPED',
  });
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
