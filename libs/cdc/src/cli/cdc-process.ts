/**
 * CDC as a process: runs until SIGTERM/SIGINT, then stops gracefully (flush, store, ack).
 * Configuration from the environment:
 *   DATABASE_URL            source database (postgres://...)
 *   LAKE_URI                the lake (file:///abs/path or s3://bucket/prefix)
 *   CDC_SLOT, CDC_PUBLICATION, CDC_SCHEMA, CDC_TABLES (comma-separated)
 *   CDC_CUT_INTERVAL_MS, CDC_MAX_ROWS_PER_FILE, CDC_HEARTBEAT_INTERVAL_MS
 *   CDC_TEMP_ROOT           parent folder of temporary files (default the slot's state folder in a local lake, else AUTOCORP_HOME's)
 * Writes one JSON line per event to stdout: {"event":"starting","pid":...}, {"event":"streaming"},
 * {"event":"files-written",...} (durable, position not stored yet), {"event":"batch",...}, {"event":"stopped",...}.
 */
import { openObjectStore } from '@autocorp/lake-storage';
import { CdcError } from '../cdc-error';
import { formatLsn } from '../lsn';
import { startCdc } from '../stream/cdc-runner';

function numberFromEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new CdcError('invalid-option', `${name} is "${text}"; set it to a positive number or unset it.`);
  return value;
}

function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new CdcError(
      'invalid-option',
      'DATABASE_URL is not set; point it at the source database, e.g. postgres://postgres:secret@127.0.0.1:5432/postgres.',
    );
  emit({ event: 'starting', pid: process.pid });
  const runner = startCdc({
    connection: { connectionString: url },
    store: openObjectStore(process.env.LAKE_URI),
    slotName: process.env.CDC_SLOT || undefined,
    publicationName: process.env.CDC_PUBLICATION || undefined,
    schema: process.env.CDC_SCHEMA || undefined,
    tables: process.env.CDC_TABLES ? process.env.CDC_TABLES.split(',').map((t) => t.trim()) : undefined,
    cutIntervalMs: numberFromEnv('CDC_CUT_INTERVAL_MS'),
    maxRowsPerFile: numberFromEnv('CDC_MAX_ROWS_PER_FILE'),
    heartbeatIntervalMs: numberFromEnv('CDC_HEARTBEAT_INTERVAL_MS'),
    tempRoot: process.env.CDC_TEMP_ROOT || undefined,
    onFilesWritten: (files) => emit({ event: 'files-written', files: files.map((f) => f.key) }),
    onBatch: (batch) =>
      emit({
        event: 'batch',
        rows: batch.rows,
        files: batch.files.map((f) => f.key),
        position: { lsn: formatLsn(batch.position.lsn), seq: batch.position.seq },
      }),
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void runner.stop();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await runner.streaming;
  emit({ event: 'streaming', slot: runner.slotName });
  const summary = await runner.done;
  emit({
    event: 'stopped',
    changes: summary.changes,
    batches: summary.batches,
    recoveredFiles: summary.recoveredFiles.length,
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  },
);
