import type { DuckDBConnection } from '@duckdb/node-api';
import { startProgress } from '@autocorp/progress';
import { writeAvroContainer } from '../../avro/container-file';
import { HOODIE_REQUESTED_REPLACE_METADATA } from '../../avro/timeline-schemas';
import { makeWriteToken, newFileId } from '../../file-group/base-file';
import { fileGroupKey, type FileSlice } from '../../file-group/file-slice';
import { ensurePartitionMetadata } from '../../file-group/partition-metadata';
import { HudiError } from '../../hudi-error';
import { tableAvroSchema, type TableField } from '../../schema/table-schema';
import { ident, literal } from '../../sql';
import { type CommitMetadata, emptyWriteStat, serializeCommitMetadata, type WriteOperationType, type WriteStat } from '../../timeline/commit-metadata';
import { newInstantTime } from '../../timeline/instant-time';
import { InstantWriter, markerFolder } from '../../timeline/instant-writer';
import { HOODIE_FOLDER } from '../../timeline/timeline';
import { runCleaner } from '../clean';
import type { HudiTable } from '../hudi-table';
import { rollbackAfterFailedWrite, rollbackFailedWrites } from '../rollback';
import { TableLock } from '../table-lock';
import { type BaseFileJob, type NewFileGroup, type WrittenBaseFile, writeBaseFile, writeBaseFileDirect, writeNewFileGroups } from './base-file-writer';
import { assignInserts, averageRecordSize } from './file-sizing';
import { tagLocationsGlobally } from './global-index-lookup';
import { tagAllAsNew, tagLocations } from './index-lookup';
import { castTo, planIncoming, stageIncoming } from './stage-incoming';
import { checkOptions, DEFAULTS, type WriteOperation, type WriteOptions, type WriteResult } from './write-options';

const OPERATION_TYPE: Record<WriteOperation, WriteOperationType> = {
  upsert: 'UPSERT',
  insert: 'INSERT',
  bulk_insert: 'BULK_INSERT',
  delete: 'DELETE',
  insert_overwrite: 'INSERT_OVERWRITE',
  insert_overwrite_table: 'INSERT_OVERWRITE_TABLE',
};

async function oldFileColumns(connection: DuckDBConnection, location: string): Promise<Map<string, string>> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal(location)})`);
  return new Map(described.getRowObjectsJson().map((row) => [String(row['column_name']), String(row['column_type'])]));
}

/** Runs one write operation on a table under its writer lock; see HudiTable.write. */
export async function writeRecords(
  table: HudiTable,
  connection: DuckDBConnection,
  operation: WriteOperation,
  source: string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  checkOptions(operation, options);
  const metadataPartitions = table.config.properties.get('hoodie.table.metadata.partitions') ?? '';
  if (metadataPartitions !== '' || (await table.storage.exists(`${HOODIE_FOLDER}/metadata`))) {
    throw new HudiError(
      'unsupported-table',
      `Table ${table.basePath} has a Hudi metadata table (.hoodie/metadata), which this engine cannot keep up to date. Disable it where the table is written (hoodie.metadata.enable=false) and delete .hoodie/metadata, or write with Spark.`,
    );
  }
  const lock = await TableLock.acquire(table.storage, operation, options.lock);
  try {
    await table.refresh();
    const rolledBack = await rollbackFailedWrites(table, options.hooks);
    return await writeLocked(table, connection, operation, source, options, rolledBack);
  } finally {
    await lock.release();
  }
}

async function writeLocked(
  table: HudiTable,
  connection: DuckDBConnection,
  operation: WriteOperation,
  source: string,
  options: WriteOptions,
  rolledBack: string[],
): Promise<WriteResult> {
  const { storage, config } = table;
  const last = table.timeline.lastInstantTime();
  const instant = options.instantTime ?? newInstantTime(last, config.timelineTimezone);
  if (!/^\d{17}$/.test(instant) || (last !== undefined && instant <= last)) {
    throw new HudiError('invalid-option', `Instant time ${instant} must be 17 digits and later than the last instant ${last} of ${table.basePath}; leave instantTime unset to use the clock.`);
  }
  const action = operation === 'insert_overwrite' || operation === 'insert_overwrite_table' ? 'replacecommit' : 'commit';
  const instants = new InstantWriter(storage);
  const prefix = `__hudi_${instant}`;
  const staged = `${prefix}_staged`;
  const tagged = `${prefix}_tagged`;
  const progress = startProgress(options.onProgress, { stage: 'hudi-write', subject: `${operation} ${config.tableName}`, unit: 'files' });
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };

  if (action === 'commit') await instants.write(instant, action, 'requested');
  else {
    const plan = writeAvroContainer(HOODIE_REQUESTED_REPLACE_METADATA, [{ operationType: null, clusteringPlan: null, extraMetadata: null, version: null }]);
    await instants.write(instant, action, 'requested', plan);
  }

  try {
    const existing = (await table.schema()).fields;
    const snapshot = await table.fileSlices();
    const lookup = operation === 'upsert' || operation === 'delete';
    const records = await planIncoming(connection, config, existing, source, operation, lookup && (options.combineBeforeUpsert ?? true), options.indexType === 'GLOBAL_SIMPLE');
    const bloomFilter = options.bloomFilter ?? true;
    const growSmallFiles = operation === 'upsert' || operation === 'insert';
    const hashed = !bloomFilter && records.hasRowId && operation !== 'delete' && (snapshot.length === 0 || !growSmallFiles);
    const fields: TableField[] = records.fields;
    const locate = (slice: FileSlice) => storage.locate(slice.baseFile.path);
    const byLocation = new Map(snapshot.map((slice) => [locate(slice), slice]));
    const partitionsOf = async (name: string) =>
      new Set((await connection.runAndReadAll(`SELECT DISTINCT _hoodie_partition_path FROM ${name}`)).getRows().map((row) => String(row[0])));
    let touched: Set<string>;
    if (lookup && snapshot.length > 0) {
      await stageIncoming(connection, records, staged);
      phase('stage');
      touched = await partitionsOf(staged);
      const precombineField = operation === 'upsert' ? config.precombineField : undefined;
      if (options.indexType === 'GLOBAL_SIMPLE') {
        // Every partition's keys are read (only GLOBAL_SIMPLE tables pay for that).
        const updatePartitionPath = operation === 'upsert' && (options.updatePartitionPath ?? true);
        await tagLocationsGlobally(connection, staged, tagged, snapshot.map(locate), { precombineField, updatePartitionPath });
      } else {
        const candidates = snapshot.filter((slice) => touched.has(slice.partitionPath)).map((slice) => ({ slice, location: locate(slice) }));
        await tagLocations(connection, staged, tagged, candidates, precombineField);
      }
      if (operation === 'upsert' && config.precombineField) {
        await connection.run(`DELETE FROM ${tagged} WHERE __hudi_file IS NOT NULL AND __hudi_stored_ordering > ${ident(config.precombineField)}`);
      }
    } else if (hashed) {
      // Nothing to look up or grow, no bloom filters: the records go from the source table straight into new
      // file groups, each record's group picked by a hash of its key (see writeNewFileGroups).
      await connection.run(
        `CREATE OR REPLACE TEMP VIEW ${tagged} AS SELECT s.*, NULL::VARCHAR AS __hudi_file, NULL AS __hudi_stored_ordering, NULL::BIGINT AS __hudi_rn, false AS __hudi_delete FROM ${records.from} s`,
      );
      phase('stage');
      touched = await partitionsOf(tagged);
    } else {
      // No stored keys to look up: every record goes to a new file group, read from the source once.
      await tagAllAsNew(connection, records.from, tagged);
      phase('stage');
      touched = await partitionsOf(tagged);
    }

    phase('index');
    // Per stored file: records updating it and records leaving it (delete markers of a GLOBAL_SIMPLE move).
    const touchedFiles = new Map<string, { updates: number; moves: number }>();
    const perFile = `SELECT __hudi_file, count(*) FILTER (WHERE NOT __hudi_delete)::BIGINT, count(*) FILTER (WHERE __hudi_delete)::BIGINT FROM ${tagged} WHERE __hudi_file IS NOT NULL GROUP BY 1`;
    for (const row of (await connection.runAndReadAll(perFile)).getRows()) {
      touchedFiles.set(String(row[0]), { updates: Number(row[1]), moves: Number(row[2]) });
    }
    const insertCounts = new Map<string, number>();
    if (operation !== 'delete') {
      for (const row of (await connection.runAndReadAll(`SELECT _hoodie_partition_path, count(*)::BIGINT FROM ${tagged} WHERE __hudi_file IS NULL GROUP BY 1 ORDER BY 1`)).getRows()) {
        insertCounts.set(String(row[0]), Number(row[1]));
      }
    }
    const smallFiles = new Map<string, FileSlice[]>();
    if (growSmallFiles) {
      for (const slice of [...snapshot].sort((a, b) => a.baseFile.size - b.baseFile.size)) {
        smallFiles.set(slice.partitionPath, [...(smallFiles.get(slice.partitionPath) ?? []), slice]);
      }
    }
    const buckets = assignInserts(insertCounts, smallFiles, {
      maxFileSizeBytes: options.maxFileSizeBytes ?? DEFAULTS.maxFileSizeBytes,
      smallFileLimitBytes: options.smallFileLimitBytes ?? DEFAULTS.smallFileLimitBytes,
      averageRecordSize: await averageRecordSize(table, options.recordSizeEstimate ?? DEFAULTS.recordSizeEstimate),
    });

    const replaced: FileSlice[] =
      operation === 'insert_overwrite' ? snapshot.filter((slice) => touched.has(slice.partitionPath)) : operation === 'insert_overwrite_table' ? snapshot : [];

    // The jobs: one per rewritten file group (updates, deletes, small-file growth) and one per new file group.
    const dataColumns = fields.map((f) => f.name);
    const newRows = (kind: 'update' | 'insert', condition: string) =>
      `SELECT NULL::VARCHAR AS _hoodie_commit_time, NULL::VARCHAR AS _hoodie_commit_seqno, _hoodie_record_key, _hoodie_partition_path${dataColumns.map((c) => `, ${ident(c)}`).join('')}, '${kind}' AS __hudi_kind FROM ${tagged} WHERE ${condition}`;
    const insertRows = (partitionPath: string, from: number, to: number) =>
      newRows('insert', `__hudi_file IS NULL AND _hoodie_partition_path = ${literal(partitionPath)} AND __hudi_rn > ${from} AND __hudi_rn <= ${to}`);

    interface PlannedJob {
      job: BaseFileJob;
      previous: FileSlice | undefined;
      deletes: number;
      updates: number;
      inserts: number;
      /** For a new file group: its slice of the partition's new records. */
      range?: { from: number; to: number };
    }
    const planned: PlannedJob[] = [];
    const mergeTargets = new Map<string, { slice: FileSlice; parts: string[]; deletes: number; updates: number; inserts: number }>();
    for (const [location, { updates, moves }] of touchedFiles) {
      const slice = byLocation.get(location);
      if (!slice) continue;
      const parts = operation === 'delete' || updates === 0 ? [] : [newRows('update', `__hudi_file = ${literal(location)} AND NOT __hudi_delete`)];
      const deletes = operation === 'delete' ? updates + moves : moves;
      mergeTargets.set(location, { slice, parts, deletes, updates: operation === 'delete' ? 0 : updates, inserts: 0 });
    }
    for (const bucket of buckets) {
      if (!bucket.smallFile) continue;
      const location = locate(bucket.smallFile);
      const target = mergeTargets.get(location) ?? { slice: bucket.smallFile, parts: [], deletes: 0, updates: 0, inserts: 0 };
      target.parts.push(insertRows(bucket.partitionPath, bucket.from, bucket.to));
      target.inserts += bucket.to - bucket.from;
      mergeTargets.set(location, target);
    }
    let task = 0;
    for (const [location, target] of mergeTargets) {
      const oldColumns = await oldFileColumns(connection, location);
      const oldData = fields.map((f) => {
        const type = oldColumns.get(f.name);
        return type === undefined ? `CAST(NULL AS ${f.duckdbType}) AS ${ident(f.name)}` : `${castTo(`o.${ident(f.name)}`, type, f.duckdbType)} AS ${ident(f.name)}`;
      });
      const keep = `SELECT o._hoodie_commit_time, o._hoodie_commit_seqno, o._hoodie_record_key, o._hoodie_partition_path${oldData.map((c) => `, ${c}`).join('')}, 'keep' AS __hudi_kind
        FROM read_parquet(${literal(location)}) o
        WHERE NOT EXISTS (SELECT 1 FROM ${tagged} t WHERE t.__hudi_file = ${literal(location)} AND t._hoodie_record_key = o._hoodie_record_key)`;
      planned.push({
        job: {
          partitionPath: target.slice.partitionPath,
          fileId: target.slice.fileId,
          writeToken: makeWriteToken(task, 1, task),
          task,
          ioType: 'MERGE',
          rowsSql: [keep, ...target.parts].join('\nUNION ALL\n'),
        },
        previous: target.slice,
        deletes: target.deletes,
        updates: target.updates,
        inserts: target.inserts,
      });
      task++;
    }
    for (const bucket of buckets) {
      if (bucket.smallFile) continue;
      planned.push({
        job: { partitionPath: bucket.partitionPath, fileId: newFileId(), writeToken: makeWriteToken(task, 1, task), task, ioType: 'CREATE', rowsSql: insertRows(bucket.partitionPath, bucket.from, bucket.to) },
        previous: undefined,
        deletes: 0,
        updates: 0,
        inserts: bucket.to - bucket.from,
        range: { from: bucket.from, to: bucket.to },
      });
      task++;
    }

    await instants.write(instant, action, 'inflight', serializeCommitMetadata(inflightProfile(planned, operation)));
    phase('plan');

    const avroWithMeta = tableAvroSchema(config.tableName, fields, true);
    const stats = new Map<string, WriteStat[]>();
    const filesWritten: string[] = [];
    for (const partitionPath of new Set(planned.map((p) => p.job.partitionPath))) await ensurePartitionMetadata(storage, partitionPath, instant);
    // Without bloom filters, new file groups are written in one partitioned pass over the tagged records.
    const t1 = Date.now();
    const created = bloomFilter
      ? new Map<number, WrittenBaseFile>()
      : await writeNewFileGroups(
          connection,
          storage,
          newFileGroups(planned),
          instant,
          dataColumns,
          avroWithMeta,
          tagged,
          `${markerFolder(instant)}/__staging`,
          hashed,
        );
    const createdMs = created.size === 0 ? 0 : Math.round((Date.now() - t1) / created.size);
    for (const plannedJob of planned) {
      const { job } = plannedJob;
      const t0 = Date.now();
      const written =
        created.get(job.task) ??
        (bloomFilter
          ? await writeBaseFile(connection, storage, job, instant, dataColumns, avroWithMeta, true, `${prefix}_out`)
          : await writeBaseFileDirect(connection, storage, job, instant, dataColumns, avroWithMeta, { numUpdates: plannedJob.updates, numInserts: plannedJob.inserts }));
      const ms = created.has(job.task) ? createdMs : Date.now() - t0;
      const stat = emptyWriteStat(job.fileId, job.partitionPath);
      Object.assign(stat, {
        path: written.path,
        prevCommit: plannedJob.previous?.baseInstant ?? 'null',
        numWrites: written.numWrites,
        numDeletes: plannedJob.deletes,
        numUpdateWrites: written.numUpdates,
        numInserts: written.numInserts,
        totalWriteBytes: written.size,
        fileSizeInBytes: written.size,
        runtimeStats: { totalScanTime: 0, totalUpsertTime: job.ioType === 'MERGE' ? ms : 0, totalCreateTime: job.ioType === 'CREATE' ? ms : 0 },
      });
      stats.set(job.partitionPath, [...(stats.get(job.partitionPath) ?? []), stat]);
      filesWritten.push(written.path);
      progress.advance(1);
    }
    progress.finish();
    phase('write');

    await options.hooks?.afterBaseFilesWritten?.(instant);

    const metadata: CommitMetadata = {
      partitionToWriteStats: Object.fromEntries(stats),
      compacted: false,
      extraMetadata: { schema: tableAvroSchema(config.tableName, fields) },
      operationType: OPERATION_TYPE[operation],
    };
    if (action === 'replacecommit') {
      const byPartition: Record<string, string[]> = {};
      for (const slice of replaced) (byPartition[slice.partitionPath] ??= []).push(slice.fileId);
      metadata.partitionToReplaceFileIds = byPartition;
    }
    await instants.write(instant, action, 'completed', serializeCommitMetadata(metadata));
    await storage.deleteFolder(markerFolder(instant));
    phase('commit');

    const all = [...stats.values()].flat();
    const result: WriteResult = {
      instant,
      action,
      operation,
      numWrites: all.reduce((n, s) => n + s.numWrites, 0),
      numInserts: all.reduce((n, s) => n + s.numInserts, 0),
      numUpdates: all.reduce((n, s) => n + s.numUpdateWrites, 0),
      numDeletes: all.reduce((n, s) => n + s.numDeletes, 0),
      filesWritten,
      fileGroupsReplaced: replaced.map((slice) => fileGroupKey(slice.partitionPath, slice.fileId)),
      rolledBack,
      timings,
    };
    await table.refresh();
    if (options.clean ?? true) {
      const clean = await runCleaner(table, options.commitsRetained ?? DEFAULTS.commitsRetained);
      if (clean) result.clean = clean;
    }
    phase('clean');
    return result;
  } catch (error) {
    // A failed write is rolled back at once (a crash leaves it for the next writer).
    throw await rollbackAfterFailedWrite(table, instant, error, options.hooks);
  } finally {
    for (const name of [staged, tagged, `${tagged}_matches`, `${prefix}_out`]) {
      await connection.run(`DROP TABLE IF EXISTS ${name}`).catch(() => connection.run(`DROP VIEW IF EXISTS ${name}`).catch(() => undefined));
    }
  }
}

/** The workload profile Hudi writes into the inflight instant: planned inserts and updates per partition. */
function inflightProfile(planned: { job: BaseFileJob; previous: FileSlice | undefined }[], operation: WriteOperation): CommitMetadata {
  const partitionToWriteStats: Record<string, WriteStat[]> = {};
  for (const { job, previous } of planned) {
    const stat = emptyWriteStat(previous ? job.fileId : '', null);
    if (previous) stat.prevCommit = previous.baseInstant;
    (partitionToWriteStats[job.partitionPath] ??= []).push(stat);
  }
  return { partitionToWriteStats, compacted: false, extraMetadata: {}, operationType: OPERATION_TYPE[operation] };
}

/** The new file groups of a plan with their slot among the partition's new file groups (for hashed writes). */
function newFileGroups(planned: { job: BaseFileJob; range?: { from: number; to: number } }[]): NewFileGroup[] {
  const creates = planned.filter((p) => p.range !== undefined);
  const perPartition = new Map<string, number>();
  for (const p of creates) perPartition.set(p.job.partitionPath, (perPartition.get(p.job.partitionPath) ?? 0) + 1);
  const seen = new Map<string, number>();
  return creates.map((p) => {
    const slot = seen.get(p.job.partitionPath) ?? 0;
    seen.set(p.job.partitionPath, slot + 1);
    const range = p.range as { from: number; to: number };
    return { job: p.job, from: range.from, to: range.to, slot, slots: perPartition.get(p.job.partitionPath) ?? 1 };
  });
}
