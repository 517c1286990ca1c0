import { LambdaClient } from '@aws-sdk/client-lambda';
import { type CannedRequest, type CannedResponse, CannedServer } from './canned-server';

/**
 * A canned Lambda (REST JSON on both SDK lines the tests run): `GetFunctionConfiguration` and
 * `PutFunctionConcurrency` of the function `worker` answered, anything else a 400.
 */
export function lambdaServer(): CannedServer {
  return new CannedServer((request: CannedRequest): CannedResponse | undefined => {
    if (request.method === 'GET' && request.url === '/2015-03-31/functions/worker/configuration') {
      return json({ FunctionName: 'worker', MemorySize: 128 });
    }
    if (request.method === 'PUT' && request.url === '/2017-10-31/functions/worker/concurrency') {
      return json(JSON.parse(request.body));
    }
    return undefined;
  });
}

function json(body: unknown): CannedResponse {
  return { contentType: 'application/json', body: JSON.stringify(body) };
}

export function lambdaClient(endpoint: string): LambdaClient {
  return new LambdaClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' },
  });
}

/** What the server saw, as `METHOD /path`. */
export function seen(server: CannedServer): string[] {
  return server.requests.map((request) => `${request.method} ${request.url}`);
}

export const GET_CONFIGURATION = 'GET /2015-03-31/functions/worker/configuration';
export const PUT_CONCURRENCY = 'PUT /2017-10-31/functions/worker/concurrency';
