import {
  EscapedRequestError,
  GuardedCallError,
  InvalidParamsError,
  PostSandboxInteractionError,
  TripwireConfigError,
  UnmockedInteractionError,
} from '../../../errors';
import { describeValue } from '../../../util/describe-value';
import type { EscapedRequest } from '../interception/network-guard';
import { serviceDisplayName } from '../sdk/naming';
import { formatCall } from './call-text';
import { mockHint, runHint, validationOffHint, verifierCode } from './hints';
import { bulleted, invalidParamsWording } from './validation-problems';

/** A call that fails the test whatever the code under test does with its error, as its messages show it. */
export interface ViolatingCall {
  readonly service: string;
  readonly operation: string;
  /** `s3.GetObject({ Bucket: 'b' })` */
  readonly text: string;
  /** `\nCalled at file:line:column`, or nothing when the caller's frame is unknown. */
  readonly where: string;
  /** `tripwire` or `verifier`, for the code to paste. */
  readonly hintName: string;
}

/** The call as the violation messages show it. */
export function violatingCall(
  name: { service: string; operation: string },
  params: unknown,
  site: string | undefined,
  hintName: string,
): ViolatingCall {
  return {
    service: name.service,
    operation: name.operation,
    text: formatCall(name.service, name.operation, params),
    where: site === undefined ? '' : `\nCalled at ${site}`,
    hintName,
  };
}

export function unmockedError(call: ViolatingCall, queued: number, abortReason: string | undefined): Error {
  const used =
    queued === 0
      ? ''
      : queued === 1
        ? `\nThe one mock registered for ${call.service}.${call.operation} was used by an earlier call.`
        : `\nThe ${queued} mocks registered for ${call.service}.${call.operation} were all used by earlier calls.`;
  const hint = mockHint(call.hintName, call.service, call.operation);
  const fix =
    queued === 0
      ? `Register a mock before the sandbox:\n  ${hint}`
      : `Register one more, or raise times on the existing registration to { times: ${queued + 1} }:\n  ${hint}`;
  const context = abortReason === undefined ? '' : `\n${abortReason}`;
  return new UnmockedInteractionError(
    `Unmocked AWS call: ${call.text}${context}${used}${call.where}\n${fix}`,
  );
}

export function invalidParamsError(call: ViolatingCall, problems: string[]): Error {
  const { headline, consequence } = invalidParamsWording(problems);
  return new InvalidParamsError(
    `${headline}: ${call.text}\n${bulleted(problems)}` +
      `${call.where}\n${consequence} ` +
      `Fix the code under test; or, if the model is wrong, turn validation off for this test:\n  ${validationOffHint(call.hintName)}`,
  );
}

export function guardedCallError(call: ViolatingCall): Error {
  return new GuardedCallError(
    `AWS call outside the sandbox: ${call.text}${call.where}\n` +
      'The ts-tripwire guard blocks real AWS calls during tests. Run the code under test inside the sandbox:\n' +
      `  ${runHint(call.hintName, `{ /* the code that calls ${call.service}.${call.operation} */ }`)}\n` +
      `or let real calls through for this test (or, at the top of the file, for every test in it):\n  ${verifierCode(call.hintName, 'configure', "{ guard: 'warn' }")};`,
  );
}

export function postSandboxError(call: ViolatingCall): Error {
  return new PostSandboxInteractionError(
    `AWS call after the sandbox closed: ${call.text}${call.where}\n` +
      `Async work started inside ${call.hintName}.run() made this call after run() had settled. Await that work inside the sandbox:\n` +
      `  ${runHint(call.hintName, '{ await theWorkThatCalls(); }')}`,
  );
}

/**
 * A request the network safety net refused: the error, and the names its violation is filed under.
 * `lateCopies`: the files of SDK copies loaded after the last look for them, patched just now.
 */
export function escapedRequestError(
  request: EscapedRequest,
  hintName: string,
  lateCopies: readonly string[] = [],
): { error: Error; service: string; operation: string } {
  const service = serviceDisplayName(request.signingService ?? request.host);
  const operation = request.operation ?? `${request.method} ${request.path}`;
  const signed =
    request.signingService === undefined
      ? ''
      : request.operation === undefined
        ? ` (signed for ${request.signingService})`
        : ` (${service}.${request.operation})`;
  const headline = `AWS SDK request escaped interception and was blocked: ${request.method} ${request.host}${request.path}${signed}\n`;
  if (lateCopies.length > 0) {
    const error = new EscapedRequestError(
      headline +
        `The client that sent it is built on a copy of the AWS SDK core first loaded after this test file's first sandbox opened, which ts-tripwire had not patched yet:\n` +
        lateCopies.map((file) => `  ${file}\n`).join('') +
        'It is patched now: later calls through it are served from the mocks. Nothing left the process.\n' +
        'To have this call served too, load that copy before the first sandbox opens: import the module that brings it at the top of the test file.',
    );
    return { error, service, operation };
  }
  const error = new EscapedRequestError(
    headline +
      'The client that sent it is built on a copy of the AWS SDK core that ts-tripwire did not patch: an SDK bundled ' +
      'into the code under test (esbuild, webpack), or one loaded in a module registry of its own (jest.isolateModules). ' +
      'Nothing left the process.\n' +
      'Let that code load @aws-sdk/* and @smithy/* from node_modules (mark them external when bundling), or open the ' +
      'sandbox where that copy is loaded, so its calls are served from the mocks:\n' +
      `  ${runHint(hintName, '{ /* load and call the client here */ }')}`,
  );
  return { error, service, operation };
}

/** `send` was given something that is not a command; `sender` is the client's class name. */
export function notACommandError(sender: string, command: unknown): Error {
  return new TripwireConfigError(
    `${sender}.send() was given ${describeValue(command)}, not an AWS SDK v3 command: ` +
      "send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).",
  );
}
