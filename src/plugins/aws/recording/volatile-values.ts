import { DROP, rewrite } from './rewrite';
import type { Substitutions } from './substitutions';

// Opaque tokens a service hands out for the next page: they differ on every recording.
const TOKEN_KEY = /^(next|continuation|pagination|nextPage|nextContinuation)Token$/i;
// Request ids repeated in outputs; `$metadata` as a whole is left to the mocks' defaults.
const REQUEST_ID_KEY = /^(\$metadata|RequestId|requestId|RequestID|ResponseMetadata)$/;
// Timestamps of when something was made or changed: they differ on every recording. Others (expiry times,
// schedules) are data the code may compare with the clock, and are kept as recorded.
const STAMP_KEY =
  /^(LastModified|LastModifiedDate|LastModifiedTime|LastUpdated\w*|Creat(ed|ion)(Date|Time|DateTime|Timestamp)?)$/;

export const VOLATILE_NOTE =
  "$metadata and request ids are left to the mocks' defaults; ETags, page tokens, upload ids and creation/" +
  'modification times are placeholders ("etag-1", token-1, upload-1, 2000-01-01T00:00:0Ns), the same wherever ' +
  'the recorded value appeared';

/** The instants of the timestamps `normalizeOutput` will replace, to plan their placeholders in order. */
export function stampsIn(output: unknown): number[] {
  const instants: number[] = [];
  rewrite(output, (key, value) => {
    if (value instanceof Date && STAMP_KEY.test(key)) instants.push(value.getTime());
    return value;
  });
  return instants;
}

/**
 * A recorded output made deterministic: `$metadata` and request ids dropped (the mock fills them in), ETags
 * and page tokens replaced by placeholders, registered so that the same values in later params match.
 */
export function normalizeOutput(output: unknown, substitutions: Substitutions): unknown {
  const rewritten = rewrite(output, (key, value) => {
    if (REQUEST_ID_KEY.test(key)) return DROP;
    if (typeof value !== 'string') return value;
    if (TOKEN_KEY.test(key)) return substitutions.replace(value, 'token', (n) => `token-${n}`);
    if (key === 'UploadId') return substitutions.replace(value, 'upload', (n) => `upload-${n}`);
    if (key === 'ETag') {
      const quoted = value.startsWith('"');
      return substitutions.replace(value, 'etag', (n) => (quoted ? `"etag-${n}"` : `etag-${n}`));
    }
    return value;
  });
  return substitutions.apply(rewritten);
}
