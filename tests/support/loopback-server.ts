import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** An HTTP server on 127.0.0.1 that records every request and answers 500, for proving what reached the wire. */
export class LoopbackServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server = createServer((request, response) => {
    this.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    request.resume();
    response
      .writeHead(500, { 'content-type': 'application/xml' })
      .end('<Error><Code>LoopbackServer</Code></Error>');
  });

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
