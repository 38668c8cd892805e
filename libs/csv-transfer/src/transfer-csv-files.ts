import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  type ObjectStore,
  csvTransferRunKey,
  csvTransferSourceManifestKey,
  csvTransferStagingKey,
  formatIngestDate,
} from '@autocorp/lake-storage';
import { type ProgressListener, startProgress } from '@autocorp/progress';
import { copyCsvFile } from './copy-csv-file';
import { hashFile } from './hash-file';
import type { ExpectedHeaders } from './header-check';
import { checkKnownTable } from './known-tables';
import { publishCsvVersion } from './publish-version';
import { type SourceFile, listSourceFiles } from './source-files';
import { TransferError } from './transfer-error';
import { recordInvalidUtf8 } from './transfer-findings';
import { type Ledger, readLedger, writeLedger } from './transfer-ledger';
import { type TransferRecord, type TransferReport, type TransferWarning, totalsOf } from './transfer-report';

export interface TransferOptions {
  /** Folder with the CSV exports (top level only). */
  readonly sourceDir: string;
  readonly store: ObjectStore;
  /**
   * The known tables (file name without `.csv`) and their columns. A CSV file of another name is
   * rejected (`unknown-table`). Without it, any name with a plausible header is accepted.
   */
  readonly expectedHeaders?: ExpectedHeaders;
  /** The clock; its UTC day at the start is the run's `ingest_date`. Default: the system clock. */
  readonly now?: () => Date;
  /** Receives byte progress per file (stage `transfer-check` while re-hashing an unchanged file, `transfer` while copying); the library draws nothing. */
  readonly onProgress?: ProgressListener;
}

/**
 * Moves the CSV files of `sourceDir` into `raw/csv/<table>/ingest_date=YYYY-MM-DD/` as new,
 * never-overwritten versions (`<stem>.v<NNNN>.<sha256 prefix>.csv`): each is streamed to a staging
 * key with its sha256, row count and UTF-8 check, verified, then published. Files whose size and
 * sha256 match their last transfer are skipped (ledger `state/transfer/csv/ledger.json`).
 * Each run writes its report to `state/transfer/csv/runs/<runId>.json`.
 *
 * Rejected (not CSV, wrong header, unknown table, ends inside a quoted field) and failed
 * (verification) files do not stop the run: they are recorded with their TransferError in
 * `report.errors`. Lines that are not UTF-8 are warnings: the file lands, the lines are named in the
 * record and in `state/transfer/csv/findings/<raw key>.json`. Storage errors abort the run; the
 * report so far is still written (with `finishedAt` of the abort).
 */
export async function transferCsvFiles(options: TransferOptions): Promise<TransferReport> {
  const { store, sourceDir } = options;
  const now = options.now ?? (() => new Date());
  const started = now();
  const runId = `${started.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const ingestDate = formatIngestDate(started);
  const records: TransferRecord[] = [];
  const errors: TransferError[] = [];

  const sources = await listSourceFiles(path.resolve(sourceDir));
  const ledger: Ledger = await readLedger(store);
  const writeReport = async (completed: boolean): Promise<TransferReport> => {
    const report: TransferReport = {
      runId,
      sourceDir: path.resolve(sourceDir),
      storeUri: store.uri,
      ingestDate,
      startedAt: started.toISOString(),
      finishedAt: now().toISOString(),
      records,
      totals: totalsOf(records),
      manifestKey: csvTransferRunKey(runId),
      errors,
    };
    const { errors: _objects, ...stored } = report;
    await store.put(report.manifestKey, `${JSON.stringify({ ...stored, completed }, null, 2)}\n`, {
      contentType: 'application/json',
    });
    return report;
  };

  try {
    for (const source of sources) {
      const t0 = performance.now();
      const record = (
        fields: Omit<TransferRecord, 'file' | 'at' | 'durationMs' | 'bytes'> & { bytes?: number },
      ): void => {
        records.push({
          file: source.name,
          bytes: source.size,
          ...fields,
          at: now().toISOString(),
          durationMs: Math.round(performance.now() - t0),
        });
      };
      if (source.kind === 'other') {
        record({ status: 'ignored', reason: 'not a .csv file nor a manifest' });
      } else if (source.kind === 'manifest') {
        const key = csvTransferSourceManifestKey(runId, source.name);
        const info = await store.putFile(key, source.path);
        record({
          status: 'manifest',
          key,
          ...(info.sha256 !== undefined ? { sha256: info.sha256 } : {}),
          reason: 'source manifest, kept as metadata',
        });
      } else {
        const outcome = await transferOne(store, source, { ingestDate, runId, ledger, options });
        if (outcome.error) errors.push(outcome.error);
        record(outcome.record);
        if (outcome.record.status === 'copied') await writeLedger(store, ledger);
      }
    }
  } catch (error) {
    // Keep a record of what was done before the failure; the failure itself is what the caller sees.
    await writeReport(false).catch(() => undefined);
    throw error;
  }
  return writeReport(true);
}

interface TransferContext {
  readonly ingestDate: string;
  readonly runId: string;
  readonly ledger: Ledger;
  readonly options: TransferOptions;
}

type Outcome = {
  record: Omit<TransferRecord, 'file' | 'at' | 'durationMs' | 'bytes'> & { bytes?: number };
  error?: TransferError;
};

async function transferOne(store: ObjectStore, source: SourceFile, context: TransferContext): Promise<Outcome> {
  const table = source.table ?? source.name;
  const { expectedHeaders } = context.options;
  try {
    checkKnownTable(source.name, table, expectedHeaders);
  } catch (error) {
    return refused(error, table);
  }
  const previous = context.ledger.files[source.name];
  if (previous !== undefined && previous.bytes === source.size) {
    const progress = startProgress(context.options.onProgress, {
      stage: 'transfer-check',
      subject: source.name,
      unit: 'bytes',
      total: source.size,
    });
    const { sha256 } = await hashFile(source.path, progress);
    progress.finish();
    if (sha256 === previous.sha256) {
      const stored = await store.head(previous.key);
      if (
        stored !== undefined &&
        stored.size === previous.bytes &&
        (stored.sha256 === undefined || stored.sha256 === sha256)
      ) {
        return {
          record: {
            status: 'skipped',
            table,
            key: previous.key,
            bytes: previous.bytes,
            rows: previous.rows,
            sha256,
            reason: `unchanged since run ${previous.runId}`,
          },
        };
      }
    }
  }
  const staging = csvTransferStagingKey(context.runId, source.name);
  const progress = startProgress(context.options.onProgress, {
    stage: 'transfer',
    subject: source.name,
    unit: 'bytes',
    total: source.size,
  });
  try {
    const copied = await copyCsvFile(store, source, staging, {
      runId: context.runId,
      progress,
      ...(expectedHeaders !== undefined ? { expectedHeaders } : {}),
    });
    const { key } = await publishCsvVersion(store, staging, {
      table,
      ingestDate: context.ingestDate,
      file: source.name,
      sha256: copied.sha256,
    });
    const warnings: TransferWarning[] = [];
    if (copied.invalidUtf8.totalLines > 0) {
      warnings.push(
        await recordInvalidUtf8(store, {
          version: 1,
          key,
          sourceFile: source.name,
          runId: context.runId,
          sha256: copied.sha256,
          invalidUtf8: copied.invalidUtf8,
        }),
      );
    }
    context.ledger.files[source.name] = {
      file: source.name,
      key,
      bytes: copied.bytes,
      rows: copied.rows,
      lines: copied.lines,
      sha256: copied.sha256,
      transferredAt: (context.options.now ?? (() => new Date()))().toISOString(),
      runId: context.runId,
    };
    return {
      record: {
        status: 'copied',
        table,
        key,
        bytes: copied.bytes,
        rows: copied.rows,
        lines: copied.lines,
        sha256: copied.sha256,
        reason: `verified by ${copied.verifiedBy}`,
        ...(warnings.length > 0 ? { warnings } : {}),
      },
    };
  } catch (error) {
    return refused(error, table);
  } finally {
    progress.finish();
  }
}

/** The record of a file refused with a TransferError; other errors (storage) are rethrown. */
function refused(error: unknown, table: string): Outcome {
  if (!(error instanceof TransferError)) throw error;
  const status = error.kind === 'checksum-mismatch' ? 'failed' : 'rejected';
  return { record: { status, table, error: { kind: error.kind, message: error.message } }, error };
}
