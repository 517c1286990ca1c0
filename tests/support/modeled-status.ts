/**
 * The HTTP status a real response would carry for an error code: the one the installed SDK's service model
 * gives it (`NoSuchKey` → 404 on schema-based lines), else 400 for a client fault. Lets one test hold on
 * both SDK lines.
 */
export function modeledClientStatus(clientPackage: object, code: string): number {
  const schema = (clientPackage as Record<string, unknown>)[`${code}$`];
  const status = Array.isArray(schema)
    ? (schema[3] as { httpError?: unknown } | undefined)?.httpError
    : undefined;
  return typeof status === 'number' ? status : 400;
}
