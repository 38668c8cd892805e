import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChatLambdaService, type HttpEvent, handleChatEvent } from '@autocorp/assistant';

/** The chat function behind a local HTTP server, as CloudFront reaches its URL: each request a function URL event. */
export interface ChatLambdaServer {
  readonly url: string;
  /** What the handler reported (the function's log). */
  readonly errors: unknown[];
  close(): Promise<void>;
}

export async function startChatLambdaServer(service: ChatLambdaService): Promise<ChatLambdaServer> {
  const errors: unknown[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const method = request.method ?? 'GET';
    const event: HttpEvent = {
      rawPath: path,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks).toString('base64'), isBase64Encoded: true } : {}),
      requestContext: { http: { method, path } },
    };
    const abort = new AbortController();
    response.on('close', () => abort.abort());
    await handleChatEvent(
      event,
      service,
      {
        start: (status, headers) => response.writeHead(status, headers),
        write: (chunk) => response.write(chunk),
        end: () => response.end(),
      },
      { signal: abort.signal, onError: (error) => errors.push(error) },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    errors,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
