import { AsyncLocalStorage } from 'node:async_hooks';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { EscapedRequestError, StrictVerifier } from 'ts-tripwire';
import {
  copyOf,
  isBaseClientModule,
  preloadBaseClient,
} from '../../../../src/plugins/aws/interception/sdk-copies';

// A second, nested install: the 3.600 line the compat workspace holds (npm test installs it first).
const NESTED = join(__dirname, '../../../compat/sdk-3.600/node_modules/@aws-sdk/client-s3');
type S3Package = typeof import('@aws-sdk/client-s3');

afterEach(() => {
  jest.restoreAllMocks();
});

// The warning is said once per worker process; another test file of this worker may have said it already.
beforeEach(() => {
  const shared = AsyncLocalStorage as unknown as Record<symbol, Set<string> | undefined>;
  shared[Symbol.for('ts-tripwire.aws-warned-sdk-copies.v1')]?.clear();
});

/** Empties the test file's module registry and loads both copies, so that the first sandbox finds both. */
function reloadBothCopies(): [S3Package, S3Package] {
  jest.resetModules();
  return [require('@aws-sdk/client-s3') as S3Package, require(NESTED) as S3Package];
}

// First in this file, while the test file's registry holds one copy only.
describe('one copy of the SDK core', () => {
  test('says nothing about copies', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: {} });
    await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    verifier.verifyAll();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('two copies of the SDK core in one process', () => {
  test('calls through both are intercepted, and one warning names both copies', async () => {
    const [root, nested] = reloadBothCopies();
    expect(nested.S3Client).not.toBe(root.S3Client);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'one' } });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'two' } });
    const types = await verifier.run(async () => [
      (await new root.S3Client({}).send(new root.GetObjectCommand({ Bucket: 'b', Key: 'root' }))).ContentType,
      (await new nested.S3Client({}).send(new nested.GetObjectCommand({ Bucket: 'b', Key: 'nested' })))
        .ContentType,
    ]);
    expect(types).toEqual(['one', 'two']);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'root' },
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'nested' },
    });
    verifier.verifyAll();

    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    expect(message).toMatch(
      /^ts-tripwire: 2 copies of the AWS SDK's base client are loaded; calls through each are intercepted\./,
    );
    expect(message).toContain(
      join('node_modules', '@smithy', 'core', 'dist-cjs', 'submodules', 'client', 'index.js'),
    );
    expect(message).toContain(
      join('tests', 'compat', 'sdk-3.600', 'node_modules', '@smithy', 'smithy-client'),
    );
    expect(message).toContain('`instanceof` checks can fail between them');

    // Once per set of copies: another sandbox over the same two copies says nothing new.
    await verifier.run(() => undefined);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('two copies of the SDK core, loaded again', () => {
  async function sendThroughBoth(root: S3Package, nested: S3Package): Promise<void> {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: {}, times: 2 });
    await verifier.run(async () => {
      await new root.S3Client({}).send(new root.GetObjectCommand({ Bucket: 'b', Key: 'root' }));
      await new nested.S3Client({}).send(new nested.GetObjectCommand({ Bucket: 'b', Key: 'nested' }));
    });
    for (const Key of ['root', 'nested']) {
      verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key } });
    }
    verifier.verifyAll();
  }

  test('a second copy first loaded after a sandbox opened: its first request is refused, naming it, and it is patched from then on', async () => {
    jest.resetModules();
    const root = require('@aws-sdk/client-s3') as S3Package;
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'root' } });
    await verifier.run(() =>
      new root.S3Client({}).send(new root.GetObjectCommand({ Bucket: 'b', Key: 'k' })),
    );
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    const nested = require(NESTED) as S3Package;
    const send = () =>
      new nested.S3Client({}).send(new nested.GetObjectCommand({ Bucket: 'b', Key: 'late' }));
    const refused = await verifier.run(() => send().catch((error: Error) => error));

    expect(refused).toBeInstanceOf(EscapedRequestError);
    const lateFile = realpathSync(join(NESTED, '../../@smithy/smithy-client/dist-cjs/index.js'));
    expect((refused as Error).message).toContain(
      "The client that sent it is built on a copy of the AWS SDK core first loaded after this test file's first " +
        `sandbox opened, which ts-tripwire had not patched yet:\n  ${lateFile}\n` +
        'It is patched now: later calls through it are served from the mocks. Nothing left the process.\n' +
        'To have this call served too, load that copy before the first sandbox opens: import the module that ' +
        'brings it at the top of the test file.',
    );
    expect(() => verifier.verifyAll()).toThrow(/escaped interception/);

    const later = new StrictVerifier();
    later.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'nested' } });
    expect((await later.run(send)).ContentType).toBe('nested');
    later.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'late' } });
    later.verifyAll();
  });

  test('after jest.resetModules() the same two files are not reported again', async () => {
    await sendThroughBoth(...reloadBothCopies());
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [root, nested] = reloadBothCopies();
    expect(root.S3Client).not.toBe(S3Client); // new classes, so the copies are looked for again
    await sendThroughBoth(root, nested);
    expect(warn).not.toHaveBeenCalled();
  });

  test('a project that acknowledges two copies (TRIPWIRE_SDK_COPIES=2) is not warned', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.TRIPWIRE_SDK_COPIES = '2';
    try {
      await sendThroughBoth(...reloadBothCopies());
    } finally {
      delete process.env.TRIPWIRE_SDK_COPIES;
    }
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('what counts as a copy of the base client', () => {
  class Command {}
  class Client {
    send(): void {}
  }

  test('a module exporting the Client class whose prototype has send, and a Command class', () => {
    expect(isBaseClientModule({ Client, Command })).toBe(true);
    expect(isBaseClientModule(require('@smithy/core/client'))).toBe(true);
  });

  test.each([
    ['null', null],
    ['a string', 'Client'],
    ['a function carrying both classes', Object.assign(() => undefined, { Client, Command })],
    ['no Command class', { Client, Command: 'Command' }],
    ['no Client class', { Client: 'Client', Command }],
    ['a Client without send', { Client: class {}, Command }],
  ])('not %s', (_kind, exports) => {
    expect(isBaseClientModule(exports)).toBe(false);
  });

  test("a copy's prototype is the class that owns send, however deep, or the Client's own without one", () => {
    class ServiceClient extends Client {}
    expect(copyOf({ Client: ServiceClient }, 'file.js')).toEqual({
      prototype: Client.prototype,
      exports: { Client: ServiceClient },
      file: 'file.js',
    });
    expect(copyOf({ Client }, 'file.js').prototype).toBe(Client.prototype);
    const WithoutSend = class {};
    expect(copyOf({ Client: WithoutSend }, 'file.js').prototype).toBe(WithoutSend.prototype);
  });

  test("the preloaded copy is the one the project's working directory resolves", () => {
    const project = join(__dirname, '../../../compat/sdk-3.600');
    jest.spyOn(process, 'cwd').mockReturnValue(project);
    const copy = preloadBaseClient();
    // Real paths: the mutation runs' sandbox links node_modules.
    expect(realpathSync(copy?.file ?? '')).toBe(
      realpathSync(join(project, 'node_modules', '@smithy', 'smithy-client', 'dist-cjs', 'index.js')),
    );
    expect(isBaseClientModule(copy?.exports)).toBe(true);
  });
});
