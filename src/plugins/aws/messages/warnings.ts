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
