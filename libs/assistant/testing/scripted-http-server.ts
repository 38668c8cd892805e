import { type IncomingMessage, type IncomingHttpHeaders, type ServerResponse, createServer } from 'node:http';
import { type Http2ServerRequest, type Http2ServerResponse, createServer as createHttp2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';

/** A request the server received: method, path, headers and the body as text. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What the server answers: a status, headers, and the body as one string/buffer or as chunks written one by one. */
export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body: string | Uint8Array | readonly (string | Uint8Array)[];
}

export interface ScriptedHttpServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on a free local port standing in for a remote endpoint (an AWS service, a model server):
 * `respond` scripts its answers from the request it received. Every request is recorded for the test to inspect.
 */
export async function startScriptedHttpServer(
  respond: (request: ReceivedRequest, index: number) => ScriptedResponse | Promise<ScriptedResponse>,
  options: { readonly http2?: boolean } = {},
): Promise<ScriptedHttpServer> {
  const requests: ReceivedRequest[] = [];
  const handle = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      Promise.resolve()
        .then(() => respond(received, requests.length - 1))
        .then((reply) => {
          res.writeHead(reply.status ?? 200, reply.headers ?? {});
          const parts = typeof reply.body === 'string' || reply.body instanceof Uint8Array ? [reply.body] : reply.body;
          // Both response types write chunks the same way; TypeScript cannot call the union's overloads.
          for (const part of parts) (res as ServerResponse).write(part);
          res.end();
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`scripted server failed: ${error instanceof Error ? error.message : String(error)}`);
        });
    });
  };
  // HTTP/2 without TLS (prior knowledge), as the AWS SDK's HTTP/2 handler speaks to an http:// endpoint.
  const server = options.http2 ? createHttp2Server(handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e?: Error) => (e ? reject(e) : resolve()))),
  };
}
