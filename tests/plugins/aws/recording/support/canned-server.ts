import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A canned answer: status, content type and body. */
export interface CannedResponse {
  readonly status?: number;
  readonly contentType: string;
  readonly body: string;
}

/** What the server sees of a request, to pick its answer. */
export interface CannedRequest {
  readonly method: string;
  readonly url: string;
  /** `x-amz-target` (JSON protocols), when sent. */
  readonly target: string | undefined;
  readonly body: string;
}

/**
 * An HTTP server on 127.0.0.1 that answers SDK requests with canned responses, standing in for services no
 * local emulator runs (Secrets Manager, STS, SSM, Lambda). Unknown requests get a 400 naming them.
 */
export class CannedServer {
  readonly requests: CannedRequest[] = [];
  private readonly server: Server;

  constructor(answer: (request: CannedRequest) => CannedResponse | undefined) {
    this.server = createServer(async (incoming, response) => {
      const request = await read(incoming);
      this.requests.push(request);
      const canned = answer(request) ?? {
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ __type: 'UnknownOperation', message: `${request.method} ${request.url}` }),
      };
      response.writeHead(canned.status ?? 200, { 'content-type': canned.contentType }).end(canned.body);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}

async function read(incoming: IncomingMessage): Promise<CannedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const target = incoming.headers['x-amz-target'];
  return {
    method: incoming.method ?? '',
    url: incoming.url ?? '',
    target: typeof target === 'string' ? target : undefined,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}
