import type { ObjectBody } from './object-store';

/** Turns any accepted body into a stream of byte chunks, without buffering streamed bodies. */
export async function* bodyChunks(body: ObjectBody): AsyncGenerator<Uint8Array> {
  if (typeof body === 'string') {
    yield Buffer.from(body, 'utf8');
    return;
  }
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  }
}
