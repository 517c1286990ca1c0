/** The environment variable that acknowledges a number of SDK copies the project cannot dedupe. */
export const ACKNOWLEDGE_COPIES = 'TRIPWIRE_SDK_COPIES';

/** Said once per process when clients are built on several copies of the SDK's base client. */
export function severalCopiesWarning(files: readonly string[]): string {
  return (
    `ts-tripwire: ${files.length} copies of the AWS SDK's base client are loaded; calls through each are intercepted.\n` +
    files.map((file) => `  ${file}`).join('\n') +
    '\nClients built on different copies have different error classes, so `instanceof` checks can fail between them. ' +
    'Align the @aws-sdk/* versions and run `npm dedupe` to load one copy.\n' +
    `If the copies cannot be deduplicated, acknowledge them to silence this warning: ${ACKNOWLEDGE_COPIES}=${files.length}`
  );
}

/** Said for each real call the guard lets through in `guard: 'warn'` mode; `call` is the call as formatted. */
export function guardedCallWarning(call: string): string {
  return `ts-tripwire: real AWS call outside the sandbox let through by guard: 'warn': ${call}`;
}

/** The SDK version whose clients carry operation schemas with required-member counts: validation in full. */
export const VALIDATING_SDK_VERSION = '3.969.0';

/**
 * Said once per process when the installed SDK line has no operation schemas, so nothing is validated;
 * `line` is the client package and version (`@aws-sdk/client-s3 3.600.0`) when it could be read.
 */
export function validationSkippedWarning(line: string | undefined): string {
  return (
    `ts-tripwire: params and outputs are not validated: the installed AWS SDK line (${line ?? 'version unknown'}) ` +
    'has no operation schemas, so a misspelt param or output member, a missing required param, or a value of the wrong kind passes without a word. ' +
    `Upgrade the @aws-sdk/* packages to ${VALIDATING_SDK_VERSION} or later to have them checked; ` +
    'or, to say that you know, turn validation off: configure({ validate: false })'
  );
}

/** Said once per process when the SDK line has operation schemas but no required-member counts (3.95x-3.968). */
export function requiredUncheckedWarning(line: string): string {
  return (
    `ts-tripwire: required params are not checked: the installed AWS SDK line (${line}) has operation schemas but does not mark required members, ` +
    'so a call without a TableName or a Key passes here and fails in production (unknown params and outputs are still checked). ' +
    `Upgrade the @aws-sdk/* packages to ${VALIDATING_SDK_VERSION} or later to have them checked.`
  );
}
