import { ANY } from '../../../util/matching';
import { rewrite } from './rewrite';

/** Past this, a param's string or bytes is asserted as `tripwire.ANY`: a 5 MiB upload part does not belong in a test. */
export const LARGEST_PARAM = 16 * 1024;

/** Params with each string or byte array longer than `LARGEST_PARAM` as `tripwire.ANY`, each one reported. */
export function wildcardLargeParams(params: unknown, found: (what: string) => void): unknown {
  return rewrite(params, (key, value) => {
    const size = typeof value === 'string' || value instanceof Uint8Array ? value.length : 0;
    if (size <= LARGEST_PARAM) return value;
    found(`${key} (${size} ${typeof value === 'string' ? 'characters' : 'bytes'})`);
    return ANY;
  });
}
