import { isBytes, isPlainObject, isStreamLike } from '../../../util/values';

const BYTES_KEPT = 1024;

/**
 * Params as plain data for error payloads: large byte arrays and every stream become a short description
 * (`<Uint8Array 11534336 bytes>`, `<Readable>`), so test runners can print and serialise them cheaply.
 */
export function summarizeForPayload(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isBytes(value)) {
    return value.length > BYTES_KEPT
      ? `<${value.constructor.name} ${value.length} bytes>`
      : new Uint8Array(value);
  }
  if (isStreamLike(value)) return `<${value.constructor?.name ?? 'stream'}>`;
  if (Array.isArray(value)) return value.map(summarizeForPayload);
  if (value instanceof Date) return new Date(value.getTime());
  if (!isPlainObject(value)) return String(value);
  const summary: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) summary[key] = summarizeForPayload(item);
  }
  return summary;
}
