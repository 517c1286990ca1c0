/**
 * A value shared by every copy of ts-tripwire loaded in this realm (two installed versions, or a library
 * that bundles one), kept on `globalThis` under a `Symbol.for` key with the shape's version in its name,
 * so that copies cooperate instead of patching over each other.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`ts-tripwire.${name}`);
  const record = globalThis as unknown as Record<symbol, T | undefined>;
  let value = record[key];
  if (value === undefined) {
    value = create();
    record[key] = value;
  }
  return value;
}
