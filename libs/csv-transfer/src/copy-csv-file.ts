import { createHash } from 'node:crypto';
import type { ObjectInfo, ObjectStore } from '@autocorp/lake-storage';
import type { ProgressTask } from '@autocorp/progress';
import { SNIFF_BYTES, sniffCsvHeader } from './csv-sniff';
import { type ExpectedHeaders, checkHeader } from './header-check';
import { readFileChunks, readHead } from './read-chunks';
import { RowCounter } from './row-counter';
import type { SourceFile } from './source-files';
import { TransferError } from './transfer-error';
import { type InvalidUtf8, Utf8Scanner } from './utf8-scanner';
import { verifyStored } from './verify-stored';

export interface CopiedFile {
  readonly info: ObjectInfo;
  readonly bytes: number;
  readonly rows: number;
  readonly lines: number;
  readonly sha256: string;
  readonly verifiedBy: 'backend-sha256' | 're-read';
  /** Lines that are not valid UTF-8: the first 1,000 and how many there are. */
  readonly invalidUtf8: { readonly lines: readonly InvalidUtf8[]; readonly totalLines: number };
}

/**
 * Streams one CSV file into the store at `stagingKey`: checks from its first bytes that it is CSV
 * with the right header (TransferError `not-csv` / `wrong-header`, nothing written); hashes it,
 * counts rows and lines and checks UTF-8 while copying; then refuses a file that ends inside a
 * quoted field (`unterminated-quote`, naming the line where the quote opened) and verifies what
 * the store holds (`checksum-mismatch`). A refused copy is removed from the staging key; what is
 * published elsewhere is never touched here.
 */
export async function copyCsvFile(
  store: ObjectStore,
  source: SourceFile,
  stagingKey: string,
  options: { readonly expectedHeaders?: ExpectedHeaders; readonly progress: ProgressTask; readonly runId: string },
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
  const utf8 = new Utf8Scanner();
  let bytes = 0;
  const take = (chunk: Buffer) => {
    hash.update(chunk);
    rows.push(chunk);
    utf8.push(chunk);
    bytes += chunk.length;
    options.progress.advance(chunk.length);
    return chunk;
  };
  async function* body(): AsyncGenerator<Uint8Array> {
    yield take(head);
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield take(next.value);
  }

  let info: ObjectInfo;
  try {
    info = await store.put(stagingKey, body(), {
      contentType: 'text/csv',
      metadata: { 'source-file': encodeURIComponent(source.name), 'transfer-run': options.runId },
    });
  } finally {
    await chunks.return?.();
  }
  const sha256 = hash.digest('hex');
  utf8.finish();
  try {
    const open = rows.unterminatedQuote;
    if (open !== undefined) {
      const first = rows.firstMultilineQuote;
      const origin =
        first !== undefined && first.line < open.line
          ? ` The first quoted field that runs over a line break opens on line ${first.line} (byte ${first.byteOffset}): a stray quote there would explain it.`
          : '';
      throw new TransferError(
        'unterminated-quote',
        `${source.name} ends inside a quoted field: the quote opened on line ${open.line} (byte ${open.byteOffset}) is never closed, so its ${rows.lines - open.line + 1} lines up to the end of the file (of ${rows.lines}) would be read as one field.${origin} Fix the quoting (a stray or unescaped '"') and export the file again; nothing was landed.`,
      );
    }
    const verifiedBy = await verifyStored(store, info, source.name, { bytes, sha256 });
    return {
      info,
      bytes,
      rows: rows.dataRows,
      lines: rows.lines,
      sha256,
      verifiedBy,
      invalidUtf8: { lines: utf8.invalidLines, totalLines: utf8.invalidLineTotal },
    };
  } catch (error) {
    await store.delete(stagingKey);
    throw error;
  }
}
