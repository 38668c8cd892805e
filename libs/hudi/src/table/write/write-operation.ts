import type { DuckDBConnection } from '@duckdb/node-api';
import { writeAvroContainer } from '../../avro/container-file';
import { HOODIE_REQUESTED_REPLACE_METADATA } from '../../avro/timeline-schemas';
import { HudiTableConfig, HudiWriteConfig } from '../../config/hudi-configs';
import { HudiError } from '../../hudi-error';
import { tableAvroSchema } from '../../schema/table-schema';
import { serializeCommitMetadata } from '../../timeline/commit-metadata';
import { newInstantTime } from '../../timeline/instant-time';
import { InstantWriter } from '../../timeline/instant-writer';
import { HOODIE_FOLDER } from '../../timeline/timeline';
import { runCleaner } from '../clean';
import { rollbackAfterFailedWrite, rollbackFailedWrites } from '../rollback';
import { TableLock } from '../table-lock';
import { latestFileSlices, loadSnapshot, snapshotSchema, type TableSnapshot } from '../table-snapshot';
import { commitWrite } from './commit-write';
import { averageRecordSize } from './file-sizing';
import { countInsertsPerPartition, countPerStoredFile, tagRecords } from './tag-records';
import { writeFiles } from './write-files';
import { checkOptions, DEFAULTS, type WriteOperation, type WriteOptions, type WriteResult } from './write-options';
import { actionOf, inflightProfile, planWrite } from './write-plan';

/**
 * Runs one write operation on a table under its writer lock; see HudiTable.write. Only the table's storage and
 * configuration are used: the timeline and files are listed again under the lock.
 */
export async function writeRecords(
  table: Pick<TableSnapshot, 'storage' | 'config'>,
  connection: DuckDBConnection,
  operation: WriteOperation,
  source: string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  checkOptions(operation, options);
  const metadataPartitions = table.config.properties.get(HudiTableConfig.METADATA_PARTITIONS.key) ?? '';
  if (metadataPartitions !== '' || (await table.storage.exists(`${HOODIE_FOLDER}/metadata`))) {
    throw new HudiError(
      'unsupported-table',
      `Table ${table.storage.root} has a Hudi metadata table (.hoodie/metadata), which this engine cannot keep up to date. Disable it where the table is written (${HudiWriteConfig.METADATA_ENABLE.key}=false) and delete .hoodie/metadata, or write with Spark.`,
    );
  }
  const lock = await TableLock.acquire(table.storage, operation, options.lock);
  try {
    const { rolledBack, snapshot } = await rollbackFailedWrites(
      await loadSnapshot(table.storage, table.config),
      options.hooks,
    );
    return await writeLocked(snapshot, connection, operation, source, options, rolledBack);
  } finally {
    await lock.release();
  }
}

/** The instant of a write: the one asked for, checked, or a new one from the clock. */
function writeInstant(snapshot: TableSnapshot, options: WriteOptions): string {
  const last = snapshot.timeline.lastInstantTime();
  const instant = options.instantTime ?? newInstantTime(last, snapshot.config.timelineTimezone);
  if (!/^\d{17}$/.test(instant) || (last !== undefined && instant <= last)) {
    throw new HudiError(
      'invalid-option',
      `Instant time ${instant} must be 17 digits and later than the last instant ${last} of ${snapshot.storage.root}; leave instantTime unset to use the clock.`,
    );
  }
  return instant;
}

/**
 * requested → tag records → plan (inflight) → write files → commit (completed) → clean. A failure after the
 * requested instant rolls the write back at once; a crash leaves it for the next writer to roll back.
 */
async function writeLocked(
  snapshot: TableSnapshot,
  connection: DuckDBConnection,
  operation: WriteOperation,
  source: string,
  options: WriteOptions,
  rolledBack: string[],
): Promise<WriteResult> {
  const { storage, config } = snapshot;
  const instant = writeInstant(snapshot, options);
  const action = actionOf(operation);
  const instants = new InstantWriter(storage);
  const prefix = `__hudi_${instant}`;
  const names = { staged: `${prefix}_staged`, tagged: `${prefix}_tagged`, scratch: `${prefix}_out` };
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };

  const requested =
    action === 'commit'
      ? ''
      : writeAvroContainer(HOODIE_REQUESTED_REPLACE_METADATA, [
          { operationType: null, clusteringPlan: null, extraMetadata: null, version: null },
        ]);
  await instants.write(instant, action, 'requested', requested);

  try {
    const slices = await latestFileSlices(snapshot);
    const existing = (await snapshotSchema(snapshot)).fields;
    const tagged = await tagRecords(
      connection,
      { storage, config, existing, slices, operation, source, options, staged: names.staged, tagged: names.tagged },
      phase,
    );
    phase('index');

    const plan = planWrite({
      operation,
      slices,
      locate: (slice) => storage.locate(slice.baseFile.path),
      touched: tagged.touched,
      perStoredFile: await countPerStoredFile(connection, tagged.tagged),
      insertsPerPartition:
        operation === 'delete' ? new Map() : await countInsertsPerPartition(connection, tagged.tagged),
      sizing: {
        maxFileSizeBytes: options.maxFileSizeBytes ?? DEFAULTS.maxFileSizeBytes,
        smallFileLimitBytes: options.smallFileLimitBytes ?? DEFAULTS.smallFileLimitBytes,
        averageRecordSize: await averageRecordSize(
          snapshot.timeline,
          options.recordSizeEstimate ?? DEFAULTS.recordSizeEstimate,
        ),
      },
    });
    await instants.write(instant, action, 'inflight', serializeCommitMetadata(inflightProfile(plan)));
    phase('plan');

    const written = await writeFiles(connection, {
      storage,
      instant,
      plan,
      tagged: tagged.tagged,
      fields: tagged.fields,
      avroSchemaWithMeta: tableAvroSchema(config.tableName, tagged.fields, true),
      bloomFilter: options.bloomFilter ?? true,
      hashed: tagged.hashed,
      sortColumns: options.sortColumns ?? [],
      scratchTable: names.scratch,
      subject: `${operation} ${config.tableName}`,
      onProgress: options.onProgress,
    });
    phase('write');
    await options.hooks?.afterBaseFilesWritten?.(instant);

    const counts = await commitWrite(storage, {
      instant,
      plan,
      tableName: config.tableName,
      fields: tagged.fields,
      stats: written.stats,
      ...(options.extraMetadata ? { extraMetadata: options.extraMetadata } : {}),
    });
    phase('commit');

    const result: WriteResult = {
      instant,
      action,
      operation,
      ...counts,
      filesWritten: written.filesWritten,
      rolledBack,
      timings,
    };
    if (options.clean ?? true) {
      const clean = await runCleaner(
        await loadSnapshot(storage, config),
        options.commitsRetained ?? DEFAULTS.commitsRetained,
      );
      if (clean) result.clean = clean;
    }
    phase('clean');
    return result;
  } catch (error) {
    // A failed write is rolled back at once (a crash leaves it for the next writer).
    throw await rollbackAfterFailedWrite(snapshot, instant, error, options.hooks);
  } finally {
    for (const name of [names.staged, names.tagged, `${names.tagged}_matches`, names.scratch]) {
      await connection
        .run(`DROP TABLE IF EXISTS ${name}`)
        .catch(() => connection.run(`DROP VIEW IF EXISTS ${name}`).catch(() => undefined));
    }
  }
}
