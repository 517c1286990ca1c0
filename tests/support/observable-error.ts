/** What a caller can observe of an error, stack aside: for comparing an error made by ts-tripwire with the SDK's. */
export function observable(error: unknown) {
  const { name, message, cause } = error as Error;
  return { class: (error as Error).constructor, name, message, cause, fields: { ...(error as object) } };
}
