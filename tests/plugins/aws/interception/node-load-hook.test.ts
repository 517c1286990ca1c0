/**
 * The hook on Node's module loading that patches every copy of the SDK's base client as it loads, under
 * plain Node and Vitest. Jest's registry never goes through it, so this test installs it for one require
 * made with Node's own `require`, which loads a copy of the SDK that Jest's registry does not hold.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Module from 'node:module';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { patchCopiesAsTheyLoad } from '../../../../src/plugins/aws/interception/send-patch';
import { patch } from '../../../../src/util/patch';

// The 3.600 line the compat workspace holds (npm test installs it first): a second copy of the SDK core.
const NESTED = join(__dirname, '../../../compat/sdk-3.600/node_modules/@aws-sdk/client-s3');
type S3Package = typeof import('@aws-sdk/client-s3');
type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

// Jest hands test code a subclass of Node's Module class, whose createRequire loads through Jest's registry:
// Node's own class, the one whose `_load` Node calls, is its parent.
const NodeModule = Object.getPrototypeOf(Module) as typeof Module;
const nodeRequire = NodeModule.createRequire(__filename);

/** Loads a module with Node's own `require`, the hook installed for that load only. */
function loadWithHook<T>(request: string): T {
  const undo = patch(NodeModule as unknown as { _load: Load }, '_load', patchCopiesAsTheyLoad);
  try {
    return nodeRequire(request) as T;
  } finally {
    undo();
  }
}

beforeEach(() => {
  // The warning is said once per worker process; another test file of this worker may have said it already.
  const shared = AsyncLocalStorage as unknown as Record<symbol, Set<string> | undefined>;
  shared[Symbol.for('ts-tripwire.aws-warned-sdk-copies.v1')]?.clear();
});

afterEach(() => {
  jest.restoreAllMocks();
});

test('a copy of the base client loaded through the hook is patched as it loads, and named in the copies warning', async () => {
  const verifier = new StrictVerifier();
  // Which SDK line a client of a copy Jest's registry does not hold belongs to is not this test's business.
  verifier.configure({ validate: false });
  verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'jest' } });
  // The first sandbox patches the copy in Jest's registry.
  await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'jest' })));
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

  const nested = loadWithHook<S3Package>(NESTED);
  expect(nested).not.toBe(require(NESTED)); // a copy Jest's registry does not hold

  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]?.[0])).toMatch(/^ts-tripwire: 2 copies of the AWS SDK's base client/);
  expect(String(warn.mock.calls[0]?.[0])).toContain(
    join('tests', 'compat', 'sdk-3.600', 'node_modules', '@smithy', 'smithy-client'),
  );
  verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'node' } });
  const output = await verifier.run(() =>
    new nested.S3Client({}).send(new nested.GetObjectCommand({ Bucket: 'b', Key: 'node' })),
  );
  expect(output.ContentType).toBe('node');
  for (const Key of ['jest', 'node']) {
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key } });
  }
  verifier.verifyAll();
});

test('the hook hands back what Node loaded, SDK or not, and patches a copy only once', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  expect(loadWithHook<typeof import('node:path')>('node:path')).toBe(nodeRequire('node:path'));
  const nested = loadWithHook<S3Package>(NESTED);
  expect(nested).toBe(nodeRequire(NESTED));
  const send = Object.getPrototypeOf(nested.S3Client.prototype).send;
  loadWithHook<S3Package>(`${NESTED}/../../@smithy/smithy-client`);
  expect(Object.getPrototypeOf(nested.S3Client.prototype).send).toBe(send);
  expect(warn).not.toHaveBeenCalled();
});
