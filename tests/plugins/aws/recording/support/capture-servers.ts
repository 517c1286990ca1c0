import { CannedServer } from './canned-server';

/**
 * The function `worker` of a canned Lambda, at any path prefix: its configuration, its concurrency (echoed),
 * and Invoke answering `payload`. `gone` is not found (404); any other name is invalid (400).
 */
export function workerLambda(payload: string): CannedServer {
  return new CannedServer((request) => {
    if (request.url.endsWith('/2015-03-31/functions/worker/configuration')) {
      return {
        contentType: 'application/json',
        body: JSON.stringify({ FunctionName: 'worker', MemorySize: 128 }),
      };
    }
    if (request.method === 'PUT' && request.url.endsWith('/2017-10-31/functions/worker/concurrency')) {
      return { contentType: 'application/json', body: request.body };
    }
    if (request.method === 'POST' && request.url.endsWith('/2015-03-31/functions/worker/invocations')) {
      return { contentType: 'application/json', body: payload };
    }
    if (request.url.includes('/functions/gone/')) {
      const body = { __type: 'ResourceNotFoundException', Type: 'User', Message: 'Function not found: gone' };
      return { status: 404, contentType: 'application/json', body: JSON.stringify(body) };
    }
    if (request.url.includes('/functions/')) {
      const body = {
        __type: 'InvalidParameterValueException',
        Type: 'User',
        message: 'Invalid function name',
      };
      return { status: 400, contentType: 'application/json', body: JSON.stringify(body) };
    }
    return undefined;
  });
}

/** A canned S3 (path style) holding `reports/summary.txt`. */
export function reportsBucket(text: string): CannedServer {
  return new CannedServer((request) =>
    request.method === 'GET' && request.url.startsWith('/reports/summary.txt')
      ? { contentType: 'text/plain', body: text }
      : undefined,
  );
}

/**
 * A `requestHandler` that sends nothing: each request's host is noted and the request rejected, so a client
 * aimed at AWS itself stays off the network.
 */
export function refusingHandler(reason: unknown = new Error('sent nowhere: this test stays offline')) {
  const hosts: string[] = [];
  const handle = (request: { hostname: string }) => {
    hosts.push(request.hostname);
    return Promise.reject(reason);
  };
  return { hosts, requestHandler: { handle } };
}
