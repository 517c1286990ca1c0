/**
 * A run-wide switch read from the environment (`TRIPWIRE_RECORD=1`): its value, trimmed, when set to anything
 * but empty, `0` or `false` (any case); otherwise `undefined`.
 */
export function envSwitch(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' || value === '0' || value.toLowerCase() === 'false'
    ? undefined
    : value;
}
