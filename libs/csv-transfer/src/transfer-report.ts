import type { TransferError, TransferErrorKind } from './transfer-error';
import type { InvalidUtf8 } from './utf8-scanner';

/**
 * What happened to one source file:
 * copied (verified, then published under a new versioned key), skipped (unchanged since its last
 * transfer), rejected (not CSV, wrong header, unknown table, ends inside a quoted field: nothing
 * published), failed (the staged copy did not verify: removed, nothing published),
 * manifest (a source manifest, carried as metadata), ignored (not a CSV or manifest file).
 */
export type TransferStatus = 'copied' | 'skipped' | 'rejected' | 'failed' | 'manifest' | 'ignored';

export interface TransferRecord {
  readonly file: string;
  readonly status: TransferStatus;
  readonly table?: string;
  /** Where the file is in the store (for skipped files: where the earlier transfer put it). */
  readonly key?: string;
  readonly bytes: number;
  /** Data rows (records after the header), for CSV files that were read. */
  readonly rows?: number;
  /**
   * Physical lines of a copied file (newline-separated, a last line without newline included):
   * rows + 1 (header) + the line breaks inside quoted fields. Readers reconcile against it.
   */
  readonly lines?: number;
  readonly sha256?: string;
  /** When the record was made (ISO 8601, from the injected clock). */
  readonly at: string;
  readonly durationMs: number;
  readonly reason?: string;
  readonly error?: { readonly kind: TransferErrorKind; readonly message: string };
  /** Problems in a copied file that do not stop it landing (its readers quarantine those lines). */
  readonly warnings?: readonly TransferWarning[];
}

/** Lines of a copied file that are not valid UTF-8: landed as written, named here and in the findings. */
export interface TransferWarning {
  readonly kind: 'invalid-utf8';
  readonly message: string;
  /** How many lines hold invalid bytes. */
  readonly totalLines: number;
  /** The first of them (physical line, 1 = header; byte offset in the file), at most REPORTED_LINES. */
  readonly lines: readonly InvalidUtf8[];
  /** The findings object with up to 1,000 lines: `csvTransferFindingsKey(key)` (@autocorp/lake-storage). */
  readonly findingsKey: string;
}

/** How many invalid lines a record of the report lists (the findings object lists more). */
export const REPORTED_LINES = 20;

export interface TransferReport {
  readonly runId: string;
  readonly sourceDir: string;
  readonly storeUri: string;
  /** The `ingest_date` partition of this run (UTC day of the injected clock at the start). */
  readonly ingestDate: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly records: readonly TransferRecord[];
  readonly totals: Readonly<Record<TransferStatus, number>> & {
    readonly bytesCopied: number;
    readonly rowsCopied: number;
    readonly withWarnings: number;
  };
  /** Key of this report in the store. */
  readonly manifestKey: string;
  /** The errors behind rejected and failed records, as thrown objects. */
  readonly errors: readonly TransferError[];
}

export function totalsOf(records: readonly TransferRecord[]): TransferReport['totals'] {
  const count = (status: TransferStatus) => records.filter((r) => r.status === status).length;
  const copied = records.filter((r) => r.status === 'copied');
  return {
    copied: copied.length,
    skipped: count('skipped'),
    rejected: count('rejected'),
    failed: count('failed'),
    manifest: count('manifest'),
    ignored: count('ignored'),
    bytesCopied: copied.reduce((sum, r) => sum + r.bytes, 0),
    rowsCopied: copied.reduce((sum, r) => sum + (r.rows ?? 0), 0),
    withWarnings: records.filter((r) => (r.warnings?.length ?? 0) > 0).length,
  };
}
