import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import type { BaseClientCopy } from '../interception/sdk-copies';

type StreamMixin = (stream: unknown) => unknown;
interface BlobAdapterClass {
  fromString(text: string, encoding?: string): Uint8Array;
  mutate(bytes: Uint8Array): Uint8Array;
}

interface StreamHelpers {
  readonly sdkStreamMixin: StreamMixin;
  readonly Uint8ArrayBlobAdapter: BlobAdapterClass;
}

// The SDK's own helpers, from the package next to the client's copy of the core: @smithy/core/serde on
// current lines, @smithy/util-stream on older ones.
const HELPER_MODULES = ['@smithy/core/serde', '@smithy/util-stream'];
const helpersByCopy = new WeakMap<object, StreamHelpers | null>();

function helpersFor(copy: BaseClientCopy | undefined): StreamHelpers | undefined {
  const key = copy?.prototype ?? helpersByCopy;
  let helpers = helpersByCopy.get(key);
  if (helpers === undefined) {
    helpers = loadHelpers(copy === undefined ? process.cwd() : dirname(copy.file)) ?? null;
    helpersByCopy.set(key, helpers);
  }
  return helpers ?? undefined;
}

function loadHelpers(from: string): StreamHelpers | undefined {
  for (const request of HELPER_MODULES) {
    try {
      const exports = require(require.resolve(request, { paths: [from] })) as Partial<StreamHelpers>;
      if (
        typeof exports.sdkStreamMixin === 'function' &&
        typeof exports.Uint8ArrayBlobAdapter === 'function'
      ) {
        return exports as StreamHelpers;
      }
    } catch {
      // Not installed on this SDK line: try the next.
    }
  }
  return undefined;
}

function isConvertiblePayload(value: unknown): boolean {
  return typeof value === 'string' || value instanceof Uint8Array || value instanceof Readable;
}

/** A fresh SDK stream (`transformToString()` and friends) over the value. */
export function toSdkStream(value: unknown, copy: BaseClientCopy | undefined): unknown {
  if (!isConvertiblePayload(value)) return value;
  const stream =
    value instanceof Readable
      ? Readable.from(asBytes(value), { objectMode: false })
      : Readable.from([toBuffer(value as string | Uint8Array)], { objectMode: false });
  const helpers = helpersFor(copy);
  return helpers === undefined ? stream : helpers.sdkStreamMixin(stream);
}

/** The SDK's blob type (`Uint8ArrayBlobAdapter`, with a synchronous `transformToString()`). */
export function toSdkBlob(value: unknown, copy: BaseClientCopy | undefined): unknown {
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) return value;
  const helpers = helpersFor(copy);
  const bytes = freshBytes(value);
  return helpers === undefined ? bytes : helpers.Uint8ArrayBlobAdapter.mutate(bytes);
}

/** A plain `Uint8Array` (not a `Buffer`, not the blob adapter), as the SDK returns blob members other than the body. */
export function toPlainBytes(value: unknown): unknown {
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) return value;
  return freshBytes(value);
}

const utf8 = new TextEncoder();

/** The bytes in a new `Uint8Array` of their own, copied once: the text as UTF-8, or a copy of the given bytes. */
function freshBytes(value: string | Uint8Array): Uint8Array {
  return typeof value === 'string' ? utf8.encode(value) : new Uint8Array(value);
}

/** A real Body yields Buffer chunks; a Readable of strings (`Readable.from(['a'])`) would not. */
async function* asBytes(source: Readable): AsyncGenerator<Buffer> {
  // Strings are read as UTF-8, bytes copied.
  for await (const chunk of source) yield Buffer.from(chunk as string | Uint8Array);
}

function toBuffer(value: string | Uint8Array): Buffer {
  return Buffer.from(value);
}
