/**
 * The endpoint a recording names when the client sets `ignoreConfiguredEndpointUrls`: the SDK then sends to
 * AWS's endpoint for the region even with AWS_ENDPOINT_URL set (the test environment sets it), and so must
 * the recording's header say. Latest line only: the 3.600 line has no such option.
 */
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { refusingHandler } from './support/capture-servers';
import { allowRecordingOnCi } from './support/recording-hooks';

allowRecordingOnCi();

test('a client that ignores the configured endpoint is recorded against the one it sends to', async () => {
  expect(process.env.AWS_ENDPOINT_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  // Refuses every request, so that nothing is sent anywhere.
  const { hosts, requestHandler } = refusingHandler();
  const client = new LambdaClient({
    ignoreConfiguredEndpointUrls: true,
    region: 'eu-west-3',
    requestHandler,
  });

  const { code } = await new StrictVerifier().record(
    () => client.send(new GetFunctionConfigurationCommand({ FunctionName: 'worker' })).catch(() => undefined),
    { print: false },
  );

  expect(hosts).toEqual(['lambda.eu-west-3.amazonaws.com']);
  expect(code.recordedAgainst).toEqual([
    expect.stringMatching(
      /^lambda at https:\/\/lambda\.eu-west-3\.amazonaws\.com\/ \(@aws-sdk\/client-lambda /,
    ),
  ]);
});
