import type { Writable } from 'node:stream';
import type { ResponseSink } from './chat-handler';

/** The Lambda Node.js runtime's global for response streaming (function URLs with InvokeMode RESPONSE_STREAM). */
export interface LambdaStreamingRuntime {
  streamifyResponse(
    handler: (event: unknown, responseStream: Writable, context: unknown) => Promise<void>,
  ): (...args: unknown[]) => unknown;
  HttpResponseStream: {
    from(stream: Writable, metadata: { statusCode: number; headers: Record<string, string> }): Writable;
  };
}

/** A sink over the runtime's response stream: status and headers as the HTTP prelude, then each chunk as written. */
export function streamingSink(runtime: LambdaStreamingRuntime, responseStream: Writable): ResponseSink {
  let stream: Writable | undefined;
  return {
    start(statusCode, headers) {
      stream = runtime.HttpResponseStream.from(responseStream, { statusCode, headers });
    },
    write(chunk) {
      stream?.write(chunk);
    },
    end() {
      (stream ?? responseStream).end();
    },
  };
}

/** The buffered response of a function URL or API Gateway integration without streaming. */
export interface BufferedResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** A sink collecting the whole response as text (where streaming is not available). */
export function bufferedSink(): ResponseSink & { readonly response: BufferedResponse } {
  const response: BufferedResponse = { statusCode: 500, headers: {}, body: '' };
  const decoder = new TextDecoder();
  return {
    response,
    start(statusCode, headers) {
      response.statusCode = statusCode;
      response.headers = headers;
    },
    write(chunk) {
      response.body += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    },
    end() {
      response.body += decoder.decode();
    },
  };
}
