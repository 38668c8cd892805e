import type { Duplex } from 'node:stream';
import type { Submittable } from 'pg';
import * as copyStreams from 'pg-copy-streams';

/** A COPY BOTH query (START_REPLICATION): readable CopyData frames, writable status updates. */
export type CopyBothQuery = Duplex & Submittable;

/** pg-copy-streams' `both`, which its type definitions leave out. */
export function copyBothQuery(sql: string): CopyBothQuery {
  const both = (
    copyStreams as unknown as { both: (text: string, options: { alignOnCopyDataFrame: boolean }) => CopyBothQuery }
  ).both;
  return both(sql, { alignOnCopyDataFrame: true });
}
