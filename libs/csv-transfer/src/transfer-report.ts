import { stateKey } from '@autocorp/lake-storage';
import type { TransferError, TransferErrorKind } from './transfer-error';

/**
 * What happened to one source file:
 * copied (and verified), skipped (unchanged since its last transfer), rejected (not CSV or wrong
 * header: not copied), failed (copied but the store's bytes did not verify: removed again),
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
  readonly sha256?: string;
  /** When the record was made (ISO 8601, from the injected clock). */
  readonly at: string;
  readonly durationMs: number;
  readonly reason?: string;
  readonly error?: { readonly kind: TransferErrorKind; readonly message: string };
}

export interface TransferReport {
  readonly runId: string;
  readonly sourceDir: string;
  readonly storeUri: string;
  /** The `ingest_date` partition of this run (UTC day of the injected clock at the start). */
  readonly ingestDate: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly records: readonly TransferRecord[];
  readonly totals: Readonly<Record<TransferStatus, number>> & { readonly bytesCopied: number; readonly rowsCopied: number };
  /** Key of this report in the store. */
  readonly manifestKey: string;
  /** The errors behind rejected and failed records, as thrown objects. */
  readonly errors: readonly TransferError[];
}

export function runManifestKey(runId: string): string {
  return stateKey('transfer', 'csv', 'runs', `${runId}.json`);
}

export function sourceManifestKey(runId: string, file: string): string {
  return stateKey('transfer', 'csv', 'source-manifests', runId, file);
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
  };
}
