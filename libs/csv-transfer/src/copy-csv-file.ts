import { createHash } from 'node:crypto';
import type { ObjectInfo, ObjectStore } from '@autocorp/lake-storage';
import type { Progress } from '@autocorp/terminal';
import { SNIFF_BYTES, sniffCsvHeader } from './csv-sniff';
import { type ExpectedHeaders, checkHeader } from './header-check';
import { readFileChunks, readHead } from './read-chunks';
import { RowCounter } from './row-counter';
import type { SourceFile } from './source-files';
import { verifyStored } from './verify-stored';

export interface CopiedFile {
  readonly info: ObjectInfo;
  readonly bytes: number;
  readonly rows: number;
  readonly sha256: string;
  readonly verifiedBy: 'backend-sha256' | 're-read';
}

/**
 * Streams one CSV file into the store at `key`: checks from its first bytes that it is CSV with
 * the right header (TransferError `not-csv` / `wrong-header`, nothing written), hashes and counts
 * rows while copying, then verifies what the store holds (TransferError `checksum-mismatch`,
 * the bad copy removed).
 */
export async function copyCsvFile(
  store: ObjectStore,
  source: SourceFile,
  key: string,
  options: { readonly expectedHeaders?: ExpectedHeaders; readonly progress: Progress; readonly runId: string },
): Promise<CopiedFile> {
  const table = source.table ?? source.name;
  const chunks = readFileChunks(source.path);
  let head: Buffer;
  try {
    const start = await readHead(chunks, SNIFF_BYTES);
    head = start.head;
    const header = sniffCsvHeader(source.name, head, start.ended);
    checkHeader(source.name, table, header, options.expectedHeaders);
  } catch (error) {
    await chunks.return?.();
    throw error;
  }

  const hash = createHash('sha256');
  const rows = new RowCounter();
  let bytes = 0;
  const take = (chunk: Buffer) => {
    hash.update(chunk);
    rows.push(chunk);
    bytes += chunk.length;
    options.progress.tick(chunk.length);
    return chunk;
  };
  async function* body(): AsyncGenerator<Uint8Array> {
    yield take(head);
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield take(next.value);
  }

  let info: ObjectInfo;
  try {
    info = await store.put(key, body(), {
      contentType: 'text/csv',
      metadata: { 'source-file': encodeURIComponent(source.name), 'transfer-run': options.runId },
    });
  } finally {
    await chunks.return?.();
  }
  const sha256 = hash.digest('hex');
  try {
    const verifiedBy = await verifyStored(store, info, source.name, { bytes, sha256 });
    return { info, bytes, rows: rows.dataRows, sha256, verifiedBy };
  } catch (error) {
    await store.delete(key);
    throw error;
  }
}
