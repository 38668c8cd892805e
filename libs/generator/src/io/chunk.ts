/** Many rows encoded in one buffer, written with one call. */
export interface Chunk {
  readonly data: Buffer;
  readonly rows: number;
}

/** About 1 MiB per write: large enough to amortise the call, small enough to stay lean. */
export const CHUNK_BYTES = 1 << 20;
