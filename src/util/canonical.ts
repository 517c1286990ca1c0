import { isAsymmetricMatcher } from './format';
import { isBytes, isPlainObject } from './values';

/**
 * A string that is the same for any two values the assertion comparison treats as equal (undefined keys
 * left out, bytes by content whatever their view type, dates by time), so recorded interactions can be
 * looked up by what an assertion expects. Two different values may share a key: a lookup only narrows the
 * candidates, the real comparison decides. `undefined` for values it cannot key: matchers, streams and
 * other class instances.
 */
export function canonicalKey(value: unknown): string | undefined {
  const parts: string[] = [];
  return write(value, parts) ? parts.join('') : undefined;
}

function write(value: unknown, parts: string[]): boolean {
  switch (typeof value) {
    case 'string':
      parts.push(JSON.stringify(value));
      return true;
    case 'number':
    case 'boolean':
      parts.push(String(value));
      return true;
    case 'bigint':
      parts.push(`${value}n`);
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) {
    parts.push('null');
    return true;
  }
  if (isAsymmetricMatcher(value)) return false;
  if (isBytes(value)) {
    parts.push(`b:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}`);
    return true;
  }
  if (value instanceof Date) {
    parts.push(`d:${value.getTime()}`);
    return true;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    for (const item of value) {
      if (!write(item, parts)) return false;
      parts.push(',');
    }
    parts.push(']');
    return true;
  }
  if (!isPlainObject(value)) return false;
  parts.push('{');
  for (const key of Object.keys(value).sort()) {
    if (value[key] === undefined) continue;
    parts.push(JSON.stringify(key), ':');
    if (!write(value[key], parts)) return false;
    parts.push(',');
  }
  parts.push('}');
  return true;
}
