/**
 * `stream`: a streaming body (S3 `Body`); `blob`: a blob that is the response body (`httpPayload`: Lambda
 * `Payload`, AppConfig `Configuration`), which the SDK returns as its blob adapter; `bytes`: any other blob
 * member (KMS `Plaintext`, Secrets Manager `SecretBinary`), which the SDK returns as a plain `Uint8Array`.
 */
export type PayloadKind = 'stream' | 'blob' | 'bytes';

/** An output member that the real SDK returns as a stream or bytes. */
export interface PayloadMember {
  readonly name: string;
  readonly kind: PayloadKind;
}

/** An array rather than a map: it is walked on every mocked call, and an index loop allocates nothing. */
export type PayloadMembers = readonly PayloadMember[];

const NONE: PayloadMembers = [];
const STREAMING_BLOB = 42;
const BLOB = 21;

// For SDK lines whose commands carry no schema (before about 3.952): the members users mock most.
const KNOWN_WITHOUT_SCHEMA: Readonly<Record<string, PayloadMembers>> = {
  's3:GetObject': [{ name: 'Body', kind: 'stream' }],
  's3:GetObjectTorrent': [{ name: 'Body', kind: 'stream' }],
  's3:SelectObjectContent': NONE,
  'lambda:Invoke': [{ name: 'Payload', kind: 'blob' }],
  'lambda:InvokeAsync': NONE,
  'kinesisvideomedia:GetMedia': [{ name: 'Payload', kind: 'stream' }],
  'polly:SynthesizeSpeech': [{ name: 'AudioStream', kind: 'stream' }],
  'bedrockruntime:InvokeModel': [{ name: 'body', kind: 'blob' }],
};

const membersByCommandClass = new WeakMap<object, PayloadMembers>();

/** The payload members of an operation by name, for registrations made before any call. */
export function payloadMembersByName(key: string, commandClass: unknown): PayloadMembers {
  if (typeof commandClass !== 'function') return KNOWN_WITHOUT_SCHEMA[key] ?? NONE;
  try {
    return payloadMembers(new (commandClass as new (input: object) => { constructor: object })({}), key);
  } catch {
    return KNOWN_WITHOUT_SCHEMA[key] ?? NONE;
  }
}

export function payloadMembers(
  command: { schema?: unknown; constructor: object },
  key: string,
): PayloadMembers {
  let members = membersByCommandClass.get(command.constructor);
  if (members === undefined) {
    members = Array.isArray(command.schema)
      ? membersFromSchema(command.schema)
      : (KNOWN_WITHOUT_SCHEMA[key] ?? NONE);
    membersByCommandClass.set(command.constructor, members);
  }
  return members;
}

/** Reads `[9, ns, name, traits, input, output]` → output `[3, ns, name, traits, memberNames, memberSchemas]`. */
function membersFromSchema(operationSchema: unknown[]): PayloadMembers {
  const structure = deref(operationSchema[5]);
  if (!Array.isArray(structure) || structure[0] !== 3) return NONE;
  const names = structure[4];
  const schemas = structure[5];
  if (!Array.isArray(names) || !Array.isArray(schemas)) return NONE;
  const members: PayloadMember[] = [];
  names.forEach((name, index) => {
    const kind = payloadKind(schemas[index]);
    if (typeof name === 'string' && kind !== undefined) members.push({ name, kind });
  });
  return members.length === 0 ? NONE : members;
}

function payloadKind(memberSchema: unknown): PayloadKind | undefined {
  const [reference, memberTraits] = Array.isArray(memberSchema) ? memberSchema : [memberSchema, undefined];
  const target = deref(reference);
  const type = Array.isArray(target) && target[0] === 0 ? target[4] : target;
  const traits = Array.isArray(target) && target[0] === 0 ? target[3] : undefined;
  if (
    type === STREAMING_BLOB ||
    hasStreamingTrait(traits) ||
    (type === BLOB && hasStreamingTrait(memberTraits))
  ) {
    return 'stream';
  }
  if (type !== BLOB) return undefined;
  return hasPayloadTrait(memberTraits) ? 'blob' : 'bytes';
}

// Traits given as a bit field, in the SDK's order: httpLabel, idempotent, idempotencyToken, sensitive,
// httpPayload, ...
const HTTP_PAYLOAD_BIT = 1 << 4;

function hasPayloadTrait(traits: unknown): boolean {
  if (typeof traits === 'number') return (traits & HTTP_PAYLOAD_BIT) !== 0;
  return traits !== null && typeof traits === 'object' && 'httpPayload' in traits;
}

function hasStreamingTrait(traits: unknown): boolean {
  return traits !== null && typeof traits === 'object' && 'streaming' in traits;
}

function deref(schema: unknown): unknown {
  return typeof schema === 'function' ? (schema as () => unknown)() : schema;
}
