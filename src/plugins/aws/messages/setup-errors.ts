import { TripwireConfigError } from '../../../errors';

/** `new AwsPlugin(x)` where `x` is not a verifier. */
export function notAVerifierError(): Error {
  return new TripwireConfigError(
    'new AwsPlugin(verifier) takes a StrictVerifier: new AwsPlugin(new StrictVerifier()).',
  );
}

/** What `configure({ validate })` says of a value that is not a boolean; `described` is the value as shown. */
export function validateSettingProblem(described: string): string {
  return `takes true or false, not ${described}`;
}
