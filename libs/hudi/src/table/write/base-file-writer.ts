import type { DuckDBConnection } from '@duckdb/node-api';
import {
  BLOOM_FILTER_FOOTER_KEY,
  BLOOM_FILTER_TYPE,
  BLOOM_FILTER_TYPE_FOOTER_KEY,
  DynamicBloomFilter,
} from '../../bloom/dynamic-bloom-filter';
import { baseFileName, joinPath } from '../../file-group/base-file';
import { META_FIELDS } from '../../schema/meta-fields';
import { quoteIdentifier as ident, quoteLiteral as literal } from '@autocorp/duckdb/sql';
import { HudiError } from '../../hudi-error';
import type { Storage, StorageEntry } from '../../storage/storage';
import { markerFolder } from '../../timeline/instant-writer';
import { layoutOrder } from './layout-order';

/** One base file to produce: a SELECT giving meta columns, data columns and `__hudi_kind` ('keep' | 'update' | 'insert'). */
export interface BaseFileJob {
  partitionPath: string;
  fileId: string;
  writeToken: string;
  /** Index of this write task, used in `_hoodie_commit_seqno` (`<instant>_<task>_<n>`). */
  task: number;
  /** 'CREATE' for a new file group, 'MERGE' for a rewrite of an existing one. */
  ioType: 'CREATE' | 'MERGE';
  /** SELECT over rows with `_hoodie_commit_time, _hoodie_commit_seqno, _hoodie_record_key, _hoodie_partition_path`, data columns and `__hudi_kind`. */
  rowsSql: string;
  /** The file's row order (the layout sort, see layoutOrder); empty for none. */
  orderBy: string;
}

export interface WrittenBaseFile {
  name: string;
  path: string;
  size: number;
  numWrites: number;
  numUpdates: number;
  numInserts: number;
}

/**
 * Writes one base file with DuckDB: meta columns first, new and updated rows stamped with the instant,
 * unchanged rows keeping their commit time and sequence number, and the Hudi footers
 * (`parquet.avro.schema`, `writer.model.name`, `hoodie_min/max_record_key`, bloom filter).
 */
export async function writeBaseFile(
  connection: DuckDBConnection,
  storage: Storage,
  job: BaseFileJob,
  instant: string,
  dataColumns: string[],
  avroSchemaWithMeta: string,
  bloomFilter: boolean,
  scratchTable: string,
): Promise<WrittenBaseFile> {
  const name = baseFileName(job.fileId, job.writeToken, instant);
  const path = joinPath(job.partitionPath, name);
  const data = dataColumns.map(ident).join(', ');
  const dataPart = data === '' ? '' : `, ${data}`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${scratchTable} AS SELECT
      CASE WHEN __hudi_kind = 'keep' THEN _hoodie_commit_time ELSE ${literal(instant)} END AS _hoodie_commit_time,
      CASE WHEN __hudi_kind = 'keep' THEN _hoodie_commit_seqno ELSE ${literal(`${instant}_${job.task}_`)} || CAST(row_number() OVER () - 1 AS VARCHAR) END AS _hoodie_commit_seqno,
      _hoodie_record_key, _hoodie_partition_path, ${literal(name)} AS _hoodie_file_name${dataPart}, __hudi_kind
    FROM (${job.rowsSql})${job.orderBy === '' ? '' : ` ORDER BY ${job.orderBy}`}`,
  );
  const stats = await connection.runAndReadAll(
    `SELECT count(*)::BIGINT, count(*) FILTER (WHERE __hudi_kind = 'update')::BIGINT, count(*) FILTER (WHERE __hudi_kind = 'insert')::BIGINT,
      min(_hoodie_record_key), max(_hoodie_record_key) FROM ${scratchTable}`,
  );
  const [numWrites, numUpdates, numInserts, minKey, maxKey] = stats.getRows()[0] as [
    bigint,
    bigint,
    bigint,
    string | null,
    string | null,
  ];
  const footers: [string, string][] = [
    ['parquet.avro.schema', avroSchemaWithMeta],
    ['writer.model.name', 'avro'],
  ];
  if (bloomFilter) {
    const filter = new DynamicBloomFilter();
    const keys = await connection.runAndReadAll(`SELECT _hoodie_record_key FROM ${scratchTable}`);
    for (const key of keys.getColumns()[0] ?? []) if (typeof key === 'string') filter.add(key);
    footers.push([BLOOM_FILTER_TYPE_FOOTER_KEY, BLOOM_FILTER_TYPE], [BLOOM_FILTER_FOOTER_KEY, filter.serialize()]);
  }
  if (minKey !== null && maxKey !== null)
    footers.push(['hoodie_min_record_key', minKey], ['hoodie_max_record_key', maxKey]);
  await storage.write(joinPath(markerFolder(instant), `${joinPath(job.partitionPath, name)}.marker.${job.ioType}`), '');
  const kv = footers.map(([key, value]) => `${literal(key)}: ${literal(value)}`).join(', ');
  const columns = [...META_FIELDS.map(ident), ...dataColumns.map(ident)].join(', ');
  await storage.makeFolder(job.partitionPath);
  await connection.run(
    `COPY (SELECT ${columns} FROM ${scratchTable}) TO ${literal(storage.locate(path))} (FORMAT parquet, COMPRESSION snappy, KV_METADATA {${kv}})`,
  );
  await connection.run(`DROP TABLE IF EXISTS ${scratchTable}`);
  return {
    name,
    path,
    size: await storage.size(path),
    numWrites: Number(numWrites),
    numUpdates: Number(numUpdates),
    numInserts: Number(numInserts),
  };
}

/**
 * A new file group: the `(from, to]` slice of its partition's new records in the tagged table (`__hudi_rn`), or,
 * for a hashed write, the records whose key hashes to `slot` of the partition's `slots` new file groups.
 */
export interface NewFileGroup {
  readonly job: BaseFileJob;
  readonly from: number;
  readonly to: number;
  readonly slot: number;
  readonly slots: number;
}

/**
 * Writes the base files of new file groups without a bloom filter in one partitioned pass over the tagged
 * records (`tagged`: `__hudi_file` NULL for new records, `__hudi_rn` their 1-based number in the partition),
 * into `stagingFolder`, then moves each into its partition under its Hudi name. Markers are written first.
 * `hashed`: records are assigned by `hash(record key) % slots` instead (no numbering pass needed), and
 * `_hoodie_commit_seqno` ends with the source's `__hudi_rowid` (unique, not dense). With `sortColumns` (the
 * layout sort, which numbered the records) each file's rows are written in that order.
 */
export async function writeNewFileGroups(
  connection: DuckDBConnection,
  storage: Storage,
  groups: readonly NewFileGroup[],
  instant: string,
  dataColumns: string[],
  avroSchemaWithMeta: string,
  tagged: string,
  stagingFolder: string,
  hashed = false,
  sortColumns: readonly string[] = [],
): Promise<Map<number, WrittenBaseFile>> {
  const written = new Map<number, WrittenBaseFile>();
  if (groups.length === 0) return written;
  const names = groups.map((g) => baseFileName(g.job.fileId, g.job.writeToken, instant));
  for (const [i, group] of groups.entries()) {
    await storage.write(
      joinPath(markerFolder(instant), `${joinPath(group.job.partitionPath, names[i] as string)}.marker.CREATE`),
      '',
    );
  }
  const buckets = `${tagged}_buckets`;
  const rows = groups.map(
    (g, i) =>
      `(${g.job.task}, ${literal(g.job.partitionPath)}, ${g.from}, ${g.to}, ${g.slot}, ${g.slots}, ${literal(names[i] as string)})`,
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${buckets} AS SELECT * FROM (VALUES ${rows.join(', ')}) b(task, partition_path, from_rn, to_rn, slot, slots, file_name)`,
  );
  // Both joins are cheap: equality on (partition, slot), or an ASOF join on the partition's first number of
  // each group (a plain range join would pair every record with every group of its partition first).
  const slots = `(SELECT partition_path, max(slots) AS slots FROM ${buckets} GROUP BY 1)`;
  // With one new file group per partition every record goes to slot 0: no key hashing, no slots join.
  const oneSlotEach = groups.every((g) => g.slots === 1);
  const records = hashed
    ? `(SELECT r.*, ${oneSlotEach ? '0' : 'CAST(hash(r._hoodie_record_key) % CAST(p.slots AS UBIGINT) AS INTEGER)'} AS __hudi_slot FROM ${tagged} r ${oneSlotEach ? '' : `JOIN ${slots} p ON p.partition_path = r._hoodie_partition_path `}WHERE r.__hudi_file IS NULL) t
       JOIN ${buckets} b ON b.partition_path = t._hoodie_partition_path AND b.slot = t.__hudi_slot`
    : `(SELECT * FROM ${tagged} WHERE __hudi_file IS NULL) t
       ASOF JOIN ${buckets} b ON b.partition_path = t._hoodie_partition_path AND t.__hudi_rn > b.from_rn`;
  const recordIndex = hashed ? 't.__hudi_rowid' : 't.__hudi_rn - b.from_rn - 1';
  const data = dataColumns.map((c) => `, t.${ident(c)}`).join('');
  const kv = [
    ['parquet.avro.schema', avroSchemaWithMeta],
    ['writer.model.name', 'avro'],
  ]
    .map(([key, value]) => `${literal(key as string)}: ${literal(value as string)}`)
    .join(', ');
  await storage.deleteFolder(stagingFolder);
  try {
    await connection.run(
      `COPY (SELECT ${literal(instant)} AS _hoodie_commit_time,
          ${literal(`${instant}_`)} || CAST(b.task AS VARCHAR) || '_' || CAST(${recordIndex} AS VARCHAR) AS _hoodie_commit_seqno,
          t._hoodie_record_key, t._hoodie_partition_path, b.file_name AS _hoodie_file_name${data}, b.task AS __hudi_task
        FROM ${records}
        WHERE ${hashed ? 'true' : 't.__hudi_rn <= b.to_rn'}${sortColumns.length === 0 ? '' : ` ORDER BY b.task, ${layoutOrder(sortColumns, 't.')}`})
      TO ${literal(storage.locate(stagingFolder))} (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (__hudi_task), FILENAME_PATTERN 'data_{i}', KV_METADATA {${kv}})`,
    );
    for (const [i, group] of groups.entries()) {
      const folder = joinPath(stagingFolder, `__hudi_task=${group.job.task}`);
      const files = (await storage.list(folder)).filter((e) => !e.isDirectory);
      if (files.length !== 1) {
        throw new HudiError(
          'write-failed',
          `Writing new file group ${group.job.fileId} in ${storage.root} produced ${files.length} files instead of one; the write is rolled back, retry it.`,
        );
      }
      const path = joinPath(group.job.partitionPath, names[i] as string);
      await storage.makeFolder(group.job.partitionPath);
      await storage.rename(joinPath(folder, (files[0] as StorageEntry).name), path);
      const counted = hashed
        ? await connection.runAndReadAll(
            `SELECT CAST(num_rows AS BIGINT) FROM parquet_file_metadata(${literal(storage.locate(path))})`,
          )
        : undefined;
      const rowsWritten = counted ? Number(counted.getRows()[0]?.[0] ?? 0) : group.to - group.from;
      written.set(group.job.task, {
        name: names[i] as string,
        path,
        size: await storage.size(path),
        numWrites: rowsWritten,
        numUpdates: 0,
        numInserts: rowsWritten,
      });
    }
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${buckets}`);
    await storage.deleteFolder(stagingFolder);
  }
  return written;
}

/**
 * Writes one base file straight from its rows (no bloom filter, no min/max key footers): used for file groups
 * rewritten by a merge when the table is written without bloom filters. `numUpdates`/`numInserts` are known
 * from the tagging; the row count is read back from the file.
 */
export async function writeBaseFileDirect(
  connection: DuckDBConnection,
  storage: Storage,
  job: BaseFileJob,
  instant: string,
  dataColumns: string[],
  avroSchemaWithMeta: string,
  counts: { numUpdates: number; numInserts: number },
): Promise<WrittenBaseFile> {
  const name = baseFileName(job.fileId, job.writeToken, instant);
  const path = joinPath(job.partitionPath, name);
  const data = dataColumns.map((c) => `, ${ident(c)}`).join('');
  const kv = `${literal('parquet.avro.schema')}: ${literal(avroSchemaWithMeta)}, ${literal('writer.model.name')}: ${literal('avro')}`;
  await storage.write(joinPath(markerFolder(instant), `${path}.marker.${job.ioType}`), '');
  await storage.makeFolder(job.partitionPath);
  await connection.run(
    `COPY (SELECT
        CASE WHEN __hudi_kind = 'keep' THEN _hoodie_commit_time ELSE ${literal(instant)} END AS _hoodie_commit_time,
        CASE WHEN __hudi_kind = 'keep' THEN _hoodie_commit_seqno ELSE ${literal(`${instant}_${job.task}_`)} || CAST(row_number() OVER () - 1 AS VARCHAR) END AS _hoodie_commit_seqno,
        _hoodie_record_key, _hoodie_partition_path, ${literal(name)} AS _hoodie_file_name${data}
      FROM (${job.rowsSql})${job.orderBy === '' ? '' : ` ORDER BY ${job.orderBy}`})
    TO ${literal(storage.locate(path))} (FORMAT parquet, COMPRESSION snappy, KV_METADATA {${kv}})`,
  );
  const meta = await connection.runAndReadAll(
    `SELECT CAST(num_rows AS BIGINT) FROM parquet_file_metadata(${literal(storage.locate(path))})`,
  );
  const numWrites = Number(meta.getRows()[0]?.[0] ?? 0);
  return {
    name,
    path,
    size: await storage.size(path),
    numWrites,
    numUpdates: counts.numUpdates,
    numInserts: counts.numInserts,
  };
}
