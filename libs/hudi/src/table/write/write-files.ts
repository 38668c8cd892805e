import type { DuckDBConnection } from '@duckdb/node-api';
import { type ProgressListener, startProgress } from '@autocorp/progress';
import { ensurePartitionMetadata } from '../../file-group/partition-metadata';
import type { TableField } from '../../schema/table-schema';
import { quoteIdentifier as ident, quoteLiteral as literal } from '@autocorp/duckdb/sql';
import type { Storage } from '../../storage/storage';
import { emptyWriteStat, type WriteStat } from '../../timeline/commit-metadata';
import { markerFolder } from '../../timeline/instant-writer';
import {
  type BaseFileJob,
  type NewFileGroup,
  type WrittenBaseFile,
  writeBaseFile,
  writeBaseFileDirect,
  writeNewFileGroups,
} from './base-file-writer';
import { layoutOrder } from './layout-order';
import { castTo } from './stage-incoming';
import type { PlannedFileGroup, WritePlan } from './write-plan';

/** What the write-files phase needs besides the plan. */
export interface WriteFilesInput {
  readonly storage: Storage;
  readonly instant: string;
  readonly plan: WritePlan;
  /** The tagged records (see tagRecords). */
  readonly tagged: string;
  /** Columns of the table after this write. */
  readonly fields: readonly TableField[];
  /** `parquet.avro.schema` footer: the table's Avro schema with the meta fields first. */
  readonly avroSchemaWithMeta: string;
  /** Write Hudi's bloom filter and min/max key footers (per file, through a scratch table). */
  readonly bloomFilter: boolean;
  /** New records go to their file group by key hash (see TaggedRecords.hashed). */
  readonly hashed: boolean;
  /** The layout sort every written file is ordered by (WriteOptions.sortColumns); none when empty. */
  readonly sortColumns?: readonly string[];
  /** Name of the scratch temp table of bloom-filter writes. */
  readonly scratchTable: string;
  /** What the progress events name as their subject (the operation and the table). */
  readonly subject: string;
  /** Receives a `hudi-write` task counting the base files written. */
  readonly onProgress?: ProgressListener | undefined;
}

/** The base files written: a Hudi write stat per file, by partition, and their paths. */
export interface WrittenFiles {
  readonly stats: Map<string, WriteStat[]>;
  readonly filesWritten: string[];
}

async function storedColumns(connection: DuckDBConnection, location: string): Promise<Map<string, string>> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal(location)})`);
  return new Map(described.getRowObjectsJson().map((row) => [String(row['column_name']), String(row['column_type'])]));
}

/**
 * The rows of one planned base file as SQL: for a MERGE the stored rows not replaced (kept with their commit
 * time and sequence number), then the updates and the new records; for a CREATE its slice of the new records.
 */
export async function baseFileJob(
  connection: DuckDBConnection,
  group: PlannedFileGroup,
  tagged: string,
  fields: readonly TableField[],
  sortColumns: readonly string[] = [],
): Promise<BaseFileJob> {
  const dataColumns = fields.map((f) => `, ${ident(f.name)}`).join('');
  const newRows = (kind: 'update' | 'insert', condition: string) =>
    `SELECT NULL::VARCHAR AS _hoodie_commit_time, NULL::VARCHAR AS _hoodie_commit_seqno, _hoodie_record_key, _hoodie_partition_path${dataColumns}, '${kind}' AS __hudi_kind FROM ${tagged} WHERE ${condition}`;
  const inserts = group.insertRanges.map(({ from, to }) =>
    newRows(
      'insert',
      `__hudi_file IS NULL AND _hoodie_partition_path = ${literal(group.partitionPath)} AND __hudi_rn > ${from} AND __hudi_rn <= ${to}`,
    ),
  );
  const parts: string[] = [];
  if (group.previous) {
    const location = literal(group.previous.location);
    const stored = await storedColumns(connection, group.previous.location);
    const oldData = fields.map((f) => {
      const type = stored.get(f.name);
      return type === undefined
        ? `CAST(NULL AS ${f.duckdbType}) AS ${ident(f.name)}`
        : `${castTo(`o.${ident(f.name)}`, type, f.duckdbType)} AS ${ident(f.name)}`;
    });
    parts.push(`SELECT o._hoodie_commit_time, o._hoodie_commit_seqno, o._hoodie_record_key, o._hoodie_partition_path${oldData.map((c) => `, ${c}`).join('')}, 'keep' AS __hudi_kind
        FROM read_parquet(${location}) o
        WHERE NOT EXISTS (SELECT 1 FROM ${tagged} t WHERE t.__hudi_file = ${location} AND t._hoodie_record_key = o._hoodie_record_key)`);
    if (group.takesUpdates) parts.push(newRows('update', `__hudi_file = ${location} AND NOT __hudi_delete`));
  }
  parts.push(...inserts);
  return {
    partitionPath: group.partitionPath,
    fileId: group.fileId,
    writeToken: group.writeToken,
    task: group.task,
    ioType: group.ioType,
    rowsSql: parts.join('\nUNION ALL\n'),
    orderBy: layoutOrder(sortColumns),
  };
}

/** The new file groups of a plan with their slot among the partition's new file groups (for hashed writes). */
function newFileGroups(jobs: readonly { job: BaseFileJob; group: PlannedFileGroup }[]): NewFileGroup[] {
  const creates = jobs.filter((j) => j.group.ioType === 'CREATE');
  const perPartition = new Map<string, number>();
  for (const { job } of creates) perPartition.set(job.partitionPath, (perPartition.get(job.partitionPath) ?? 0) + 1);
  const seen = new Map<string, number>();
  return creates.map(({ job, group }) => {
    const slot = seen.get(job.partitionPath) ?? 0;
    seen.set(job.partitionPath, slot + 1);
    const range = group.insertRanges[0] as { from: number; to: number };
    return { job, from: range.from, to: range.to, slot, slots: perPartition.get(job.partitionPath) ?? 1 };
  });
}

/**
 * The write-files phase: writes every planned base file (with its marker and the partition's metadata file)
 * and returns its write stat. Without bloom filters, new file groups are written in one partitioned pass over
 * the tagged records and rewritten ones straight from their rows; with them, each file through a scratch table.
 * Nothing is visible to readers until the commit.
 */
export async function writeFiles(connection: DuckDBConnection, input: WriteFilesInput): Promise<WrittenFiles> {
  const { storage, instant, plan, bloomFilter } = input;
  const dataColumns = input.fields.map((f) => f.name);
  const jobs: { job: BaseFileJob; group: PlannedFileGroup }[] = [];
  for (const group of plan.fileGroups)
    jobs.push({
      job: await baseFileJob(connection, group, input.tagged, input.fields, input.sortColumns ?? []),
      group,
    });
  const progress = startProgress(input.onProgress, {
    stage: 'hudi-write',
    subject: input.subject,
    unit: 'files',
    total: jobs.length,
  });
  const stats = new Map<string, WriteStat[]>();
  const filesWritten: string[] = [];
  for (const partitionPath of new Set(jobs.map((j) => j.job.partitionPath)))
    await ensurePartitionMetadata(storage, partitionPath, instant);
  const t1 = Date.now();
  const created = bloomFilter
    ? new Map<number, WrittenBaseFile>()
    : await writeNewFileGroups(
        connection,
        storage,
        newFileGroups(jobs),
        instant,
        dataColumns,
        input.avroSchemaWithMeta,
        input.tagged,
        `${markerFolder(instant)}/__staging`,
        input.hashed,
        input.sortColumns ?? [],
      );
  const createdMs = created.size === 0 ? 0 : Math.round((Date.now() - t1) / created.size);
  for (const { job, group } of jobs) {
    const t0 = Date.now();
    const written =
      created.get(job.task) ??
      (bloomFilter
        ? await writeBaseFile(
            connection,
            storage,
            job,
            instant,
            dataColumns,
            input.avroSchemaWithMeta,
            true,
            input.scratchTable,
          )
        : await writeBaseFileDirect(connection, storage, job, instant, dataColumns, input.avroSchemaWithMeta, {
            numUpdates: group.updates,
            numInserts: group.inserts,
          }));
    const ms = created.has(job.task) ? createdMs : Date.now() - t0;
    const stat = emptyWriteStat(job.fileId, job.partitionPath);
    Object.assign(stat, {
      path: written.path,
      prevCommit: group.previous?.slice.baseInstant ?? 'null',
      numWrites: written.numWrites,
      numDeletes: group.deletes,
      numUpdateWrites: written.numUpdates,
      numInserts: written.numInserts,
      totalWriteBytes: written.size,
      fileSizeInBytes: written.size,
      runtimeStats: {
        totalScanTime: 0,
        totalUpsertTime: job.ioType === 'MERGE' ? ms : 0,
        totalCreateTime: job.ioType === 'CREATE' ? ms : 0,
      },
    });
    stats.set(job.partitionPath, [...(stats.get(job.partitionPath) ?? []), stat]);
    filesWritten.push(written.path);
    progress.advance(1);
  }
  progress.finish();
  return { stats, filesWritten };
}
