import { ANY } from '../../../util/matching';
import { isPlainObject } from '../../../util/values';
import { rewrite } from './rewrite';
import type { Substitutions } from './substitutions';

export const REDACTED = '<redacted>';

// String members that are credentials wherever they appear (STS, Cognito identity and user pools).
const CREDENTIAL_KEYS = new Set([
  'AccessKeyId',
  'SecretAccessKey',
  'SecretKey',
  'SessionToken',
  'AccessToken',
  'IdToken',
  'RefreshToken',
]);
// Byte members that are secrets: replaced by zeros of the same length, so code that uses them as a key still runs.
const SECRET_BYTES_KEYS = new Set(['SecretBinary', 'Plaintext']);

/** What a redaction found, for the note: `SecretString`, `Credentials.SessionToken`, ... */
export type Found = (what: string) => void;

/**
 * A recorded output with its secrets replaced: credentials, `SecretString` (a JSON object keeps its keys),
 * `SecretBinary` and KMS `Plaintext` (zeros), SecureString parameter values and Lambda environment variables.
 * The real strings are registered, so a later call that passes one on shows the placeholder instead.
 */
export function redactOutput(output: unknown, substitutions: Substitutions, found: Found): unknown {
  return rewrite(output, (key, value, holder) => {
    const secret = secretKind(key, value, holder);
    if (secret === undefined) return value;
    found(secret);
    if (value instanceof Uint8Array) return new Uint8Array(value.length);
    if (isPlainObject(value)) return redactStrings(value, substitutions);
    if (typeof value !== 'string') return value;
    const placeholder = key === 'SecretString' ? redactedSecretString(value, substitutions) : REDACTED;
    return substitutions.replaceWith(value, placeholder);
  });
}

/** Params with their secrets as `tripwire.ANY`: the test's own code supplies them, and they stay out of the file. */
export function redactParams(params: unknown, found: Found): unknown {
  return rewrite(params, (key, value, holder) => {
    const secret = secretKind(key, value, holder);
    if (secret === undefined) return value;
    found(secret);
    return isPlainObject(value) ? Object.fromEntries(Object.keys(value).map((name) => [name, ANY])) : ANY;
  });
}

function secretKind(
  key: string,
  value: unknown,
  holder: Readonly<Record<string, unknown>>,
): string | undefined {
  if (key === 'SecretString' && typeof value === 'string') return 'SecretString';
  if (SECRET_BYTES_KEYS.has(key) && value instanceof Uint8Array) return key;
  if (CREDENTIAL_KEYS.has(key) && typeof value === 'string') return key;
  if (key === 'Value' && holder.Type === 'SecureString' && typeof value === 'string')
    return 'SecureString values';
  if (key === 'Variables' && isPlainObject(value)) return 'environment variables';
  return undefined;
}

function redactStrings(
  value: Record<string, unknown>,
  substitutions: Substitutions,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [
      name,
      typeof item === 'string' ? substitutions.replaceWith(item, REDACTED) : REDACTED,
    ]),
  );
}

/**
 * A JSON object keeps its keys (code parses it), each value redacted, and its string values are registered so
 * that a password the code passes on is redacted there too; any other secret becomes `<redacted>`.
 */
function redactedSecretString(secret: string, substitutions: Substitutions): string {
  try {
    const parsed: unknown = JSON.parse(secret);
    if (!isPlainObject(parsed)) return REDACTED;
    return JSON.stringify(redactStrings(parsed, substitutions));
  } catch {
    return REDACTED;
  }
}
