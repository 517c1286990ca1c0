/**
 * Redaction of recorded outputs and params, member by member: which members are secrets (by key, and only
 * when their value has the secret's type), what a secret string becomes (a JSON object keeps its keys,
 * anything else is `<redacted>`), and that the real values are registered for the calls that follow.
 */
import { describe, expect, test } from '@jest/globals';
import { REDACTED, redactOutput, redactParams } from '../../../../src/plugins/aws/recording/secrets';
import { Substitutions } from '../../../../src/plugins/aws/recording/substitutions';
import { ANY } from '../../../../src/util/matching';

function redactedOutput(output: unknown): { output: unknown; found: string[]; later: unknown } {
  const substitutions = new Substitutions();
  const found: string[] = [];
  const redacted = redactOutput(output, substitutions, (what) => found.push(what));
  return { output: redacted, found, later: substitutions.apply(['hunter2', 'admin', 'kept']) };
}

function redactedParams(params: unknown): { params: Record<string, unknown>; found: string[] } {
  const found: string[] = [];
  return { params: redactParams(params, (what) => found.push(what)) as Record<string, unknown>, found };
}

describe('redactOutput', () => {
  test('a SecretString that is a JSON object keeps its keys, and its values are redacted where they appear later', () => {
    const secret = JSON.stringify({ username: 'admin', password: 'hunter2', port: 5432 });

    expect(redactedOutput({ Name: 'db', SecretString: secret })).toEqual({
      output: {
        Name: 'db',
        SecretString: '{"username":"<redacted>","password":"<redacted>","port":"<redacted>"}',
      },
      found: ['SecretString'],
      later: [REDACTED, REDACTED, 'kept'],
    });
  });

  test('any other SecretString is <redacted> as a whole: plain text, a JSON array', () => {
    expect(redactedOutput({ SecretString: 'hunter2' })).toMatchObject({
      output: { SecretString: REDACTED },
      later: [REDACTED, 'admin', 'kept'],
    });
    expect(redactedOutput({ SecretString: '["admin","hunter2"]' }).output).toEqual({
      SecretString: REDACTED,
    });
  });

  test('a SecureString parameter holding JSON is redacted as a whole: only SecretString keeps its keys', () => {
    const parameter = { Name: '/db', Type: 'SecureString', Value: '{"password":"hunter2"}' };

    expect(redactedOutput({ Parameter: parameter })).toMatchObject({
      output: { Parameter: { Name: '/db', Type: 'SecureString', Value: REDACTED } },
      found: ['SecureString values'],
    });
  });
});

describe('redactParams', () => {
  test('secrets become tripwire.ANY, an environment keeping its variable names', () => {
    const { params, found } = redactedParams({
      SecretString: 'hunter2',
      Environment: { Variables: { PASSWORD: 'hunter2' } },
    });

    // Compared by identity: in toEqual's expected value, ANY would match whatever was left there.
    expect(params.SecretString).toBe(ANY);
    const { Variables } = params.Environment as { Variables: Record<string, unknown> };
    expect(Object.keys(Variables)).toEqual(['PASSWORD']);
    expect(Variables.PASSWORD).toBe(ANY);
    expect(found).toEqual(['SecretString', 'environment variables']);
  });

  test('a secret key whose value is absent is not a secret, nor reported', () => {
    const params = {
      SecretId: 'db',
      SecretString: undefined,
      Credentials: { AccessKeyId: null, SessionToken: undefined },
      Parameter: { Type: 'SecureString', Value: undefined },
    };

    const redacted = redactedParams(params);

    expect(redacted.found).toEqual([]);
    // As JSON: a tripwire.ANY left in would show, where toEqual would take it as matching.
    expect(JSON.stringify(redacted.params)).toBe(
      '{"SecretId":"db","Credentials":{"AccessKeyId":null},"Parameter":{"Type":"SecureString"}}',
    );
  });
});
