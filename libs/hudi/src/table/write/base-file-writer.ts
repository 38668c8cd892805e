import type { DuckDBConnection } from '@duckdb/node-api';
import { BLOOM_FILTER_FOOTER_KEY, BLOOM_FILTER_TYPE, BLOOM_FILTER_TYPE_FOOTER_KEY, DynamicBloomFilter } from '../../bloom/dynamic-bloom-filter';
import { baseFileName, joinPath } from '../../file-group/base-file';
import { META_FIELDS } from '../../schema/meta-fields';
import { ident, literal } from '../../sql';
import type { Storage } from '../../storage/storage';
import { markerFolder } from '../../timeline/instant-writer';

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
    FROM (${job.rowsSql})`,
  );
  const stats = await connection.runAndReadAll(
    `SELECT count(*)::BIGINT, count(*) FILTER (WHERE __hudi_kind = 'update')::BIGINT, count(*) FILTER (WHERE __hudi_kind = 'insert')::BIGINT,
      min(_hoodie_record_key), max(_hoodie_record_key) FROM ${scratchTable}`,
  );
  const [numWrites, numUpdates, numInserts, minKey, maxKey] = stats.getRows()[0] as [bigint, bigint, bigint, string | null, string | null];
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
  if (minKey !== null && maxKey !== null) footers.push(['hoodie_min_record_key', minKey], ['hoodie_max_record_key', maxKey]);
  await storage.write(joinPath(markerFolder(instant), `${joinPath(job.partitionPath, name)}.marker.${job.ioType}`), '');
  const kv = footers.map(([key, value]) => `${literal(key)}: ${literal(value)}`).join(', ');
  const columns = [...META_FIELDS.map(ident), ...dataColumns.map(ident)].join(', ');
  await storage.makeFolder(job.partitionPath);
  await connection.run(
    `COPY (SELECT ${columns} FROM ${scratchTable}) TO ${literal(storage.locate(path))} (FORMAT parquet, COMPRESSION snappy, KV_METADATA {${kv}})`,
  );
  await connection.run(`DROP TABLE IF EXISTS ${scratchTable}`);
  return { name, path, size: await storage.size(path), numWrites: Number(numWrites), numUpdates: Number(numUpdates), numInserts: Number(numInserts) };
}
