import { describe, expect, test } from '@jest/globals';
import { EscapedRequestError } from 'ts-tripwire';
import { escapedRequestError } from '../../../../src/plugins/aws/messages/call-errors';

const request = { method: 'POST', host: 'sqs.us-east-1.amazonaws.com', path: '/' };

describe('escapedRequestError: a request the network safety net refused', () => {
  test('the whole message: what was blocked, why it escaped, that nothing left, and the code to write', () => {
    const { error, service, operation } = escapedRequestError(
      { ...request, signingService: 'sqs', operation: 'SendMessage' },
      'tripwire',
    );
    expect(error).toBeInstanceOf(EscapedRequestError);
    expect(error.message).toBe(
      'AWS SDK request escaped interception and was blocked: POST sqs.us-east-1.amazonaws.com/ (sqs.SendMessage)\n' +
        'The client that sent it is built on a copy of the AWS SDK core that ts-tripwire did not patch: an SDK bundled ' +
        'into the code under test (esbuild, webpack), or one loaded in a module registry of its own (jest.isolateModules). ' +
        'Nothing left the process.\n' +
        'Let that code load @aws-sdk/* and @smithy/* from node_modules (mark them external when bundling), or open the ' +
        'sandbox where that copy is loaded, so its calls are served from the mocks:\n' +
        '  await tripwire.run(async () => { /* load and call the client here */ });',
    );
    expect({ service, operation }).toEqual({ service: 'sqs', operation: 'SendMessage' });
  });

  test('with copies of the SDK core loaded late: each named on its line, patched now, and how to serve this call', () => {
    const { error, service, operation } = escapedRequestError(
      { ...request, signingService: 'sqs', operation: 'SendMessage' },
      'tripwire',
      ['/p/node_modules/a/node_modules/@smithy/core/client.js', '/p/node_modules/b/smithy-client.js'],
    );
    expect(error).toBeInstanceOf(EscapedRequestError);
    expect(error.message).toBe(
      'AWS SDK request escaped interception and was blocked: POST sqs.us-east-1.amazonaws.com/ (sqs.SendMessage)\n' +
        "The client that sent it is built on a copy of the AWS SDK core first loaded after this test file's first " +
        'sandbox opened, which ts-tripwire had not patched yet:\n' +
        '  /p/node_modules/a/node_modules/@smithy/core/client.js\n' +
        '  /p/node_modules/b/smithy-client.js\n' +
        'It is patched now: later calls through it are served from the mocks. Nothing left the process.\n' +
        'To have this call served too, load that copy before the first sandbox opens: import the module that ' +
        'brings it at the top of the test file.',
    );
    expect({ service, operation }).toEqual({ service: 'sqs', operation: 'SendMessage' });
  });

  test('signed but with no operation to read: the signing name, and the method and path as the operation', () => {
    const { error, service, operation } = escapedRequestError(
      { ...request, signingService: 'sqs', operation: undefined },
      'tripwire',
    );
    expect(error.message.split('\n')[0]).toBe(
      'AWS SDK request escaped interception and was blocked: POST sqs.us-east-1.amazonaws.com/ (signed for sqs)',
    );
    expect({ service, operation }).toEqual({ service: 'sqs', operation: 'POST /' });
  });

  test('unsigned: only the request, filed under its host', () => {
    const { error, service } = escapedRequestError(
      { ...request, signingService: undefined, operation: undefined },
      'tripwire',
    );
    expect(error.message.split('\n')[0]).toBe(
      'AWS SDK request escaped interception and was blocked: POST sqs.us-east-1.amazonaws.com/',
    );
    expect(service).toBe('sqs.us-east-1.amazonaws.com');
  });
});
