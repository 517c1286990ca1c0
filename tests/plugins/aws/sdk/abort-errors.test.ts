/**
 * The abort error of a mocked call is made by the calling client's own SDK code, not copied: compared, for
 * each kind of abort reason, with what a real client sending to a loopback server rejects with. Runs against
 * both SDK lines (the sdk-3.600 project runs tests/aws too).
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { sdkAbortError } from '../../../../src/plugins/aws/sdk/sdk-errors';
import { LoopbackServer } from '../../../support/loopback-server';
import { observable } from '../../../support/observable-error';
import { rejectionOf } from '../../../support/rejection';

const server = new LoopbackServer();
let endpoint = '';

beforeAll(async () => {
  endpoint = await server.start();
});
afterAll(() => server.stop());

const s3 = () => new S3Client({ endpoint, forcePathStyle: true, maxAttempts: 1 });

function abortedSignal(reason: unknown): AbortSignal {
  const controller = new AbortController();
  if (reason === undefined) controller.abort();
  else controller.abort(reason);
  return controller.signal;
}

const reasons: Array<[string, unknown]> = [
  ['the default reason', undefined],
  ['a string reason', 'caller gave up'],
  ['an Error reason', new Error('deadline passed')],
];

describe('sdkAbortError(client, { abortSignal })', () => {
  test.each(reasons)(
    'with %s it is exactly what a real send of that client rejects with',
    async (_, reason) => {
      const abortSignal = abortedSignal(reason);
      const real = await rejectionOf(
        s3().send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal }),
      );

      const made = await sdkAbortError(s3(), { abortSignal });

      expect(real.name).toBe('AbortError');
      expect(observable(made)).toEqual(observable(real));
      expect(made).not.toBe(real);
      expect(server.requests).toHaveLength(0);
    },
  );

  test('it is made by the SDK’s own code (its first stack frame is in an @smithy package), not by ts-tripwire', async () => {
    const made = await sdkAbortError(s3(), { abortSignal: abortedSignal(undefined) });

    const firstFrame = made.stack?.split('\n')[1] ?? '';
    expect(firstFrame).toMatch(/[\\/]node_modules[\\/]@smithy[\\/]/);
    expect(firstFrame).not.toMatch(/ts-tripwire|src[\\/]plugins/);
  });

  test('it never opens a connection, even through a handler that ignores the signal', async () => {
    const reached: unknown[] = [];
    const client = s3();
    const sdkHandler = client.config.requestHandler as {
      handle(request: object, options: object): Promise<unknown>;
    };
    // A handler that forgets to check the signal and sends whatever it is given.
    const careless = {
      handle: (request: object) => {
        reached.push(request);
        return sdkHandler.handle(request, {});
      },
    };
    (client.config as { requestHandler: unknown }).requestHandler = careless;

    const made = await sdkAbortError(client, { abortSignal: abortedSignal(undefined) });

    expect(made.name).toBe('AbortError');
    expect(server.requests).toHaveLength(0);
    // When the retry layer answers first (current lines) the handler is never asked; when it is asked, it is
    // given a request no transport can send.
    for (const request of reached) expect(request).toMatchObject({ protocol: 'tripwire-aborted:' });
  });

  test('a client with no request handler gets the platform’s own abort error', async () => {
    const made = await sdkAbortError({ config: {} }, { abortSignal: abortedSignal(undefined) });

    expect(made).toMatchObject({ name: 'AbortError', message: AbortSignal.abort().reason.message });
  });
});
