import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableConfig } from '../../config/table-config';
import type { FileSlice } from '../../file-group/file-slice';
import type { TableField } from '../../schema/table-schema';
import type { Storage } from '../../storage/storage';
import { quoteIdentifier as ident } from '@autocorp/duckdb/sql';
import { HudiError } from '../../hudi-error';
import { tagLocationsGlobally } from './global-index-lookup';
import { tagAllAsNew, tagLocations } from './index-lookup';
import { planIncoming, stageIncoming } from './stage-incoming';
import type { WriteOperation, WriteOptions } from './write-options';

/** What tagging needs: the table as the writer locked it, and the write. */
export interface TagInput {
  readonly storage: Storage;
  readonly config: TableConfig;
  /** Data columns of the table before this write. */
  readonly existing: TableField[];
  /** The latest file slices before this write. */
  readonly slices: FileSlice[];
  readonly operation: WriteOperation;
  readonly source: string;
  readonly options: Pick<
    WriteOptions,
    'bloomFilter' | 'combineBeforeUpsert' | 'indexType' | 'updatePartitionPath' | 'sortColumns'
  >;
  /** Temp table names to use: `staged` (the records) and `tagged` (the records with their locations). */
  readonly staged: string;
  readonly tagged: string;
}

/** The tagged records: `tagged` holds them with `__hudi_file`, `__hudi_stored_ordering`, `__hudi_rn`, `__hudi_delete`. */
export interface TaggedRecords {
  readonly tagged: string;
  /** Columns of the table after this write. */
  readonly fields: TableField[];
  /** Partitions the records name. */
  readonly touched: Set<string>;
  /** Records go to new file groups by key hash (no lookup, no growth, no bloom filter; the source has rowids). */
  readonly hashed: boolean;
}

/**
 * The first write phase: reads the caller's records (keys computed, types cast, de-duplicated when asked) and
 * finds which stored file holds each key (the index lookup), or marks every record new when no lookup is
 * needed. `mark('stage')` is called once the records are staged.
 */
export async function tagRecords(
  connection: DuckDBConnection,
  input: TagInput,
  mark: (phase: string) => void = () => undefined,
): Promise<TaggedRecords> {
  const { config, operation, options, slices, staged, tagged } = input;
  const lookup = operation === 'upsert' || operation === 'delete';
  const global = options.indexType === 'GLOBAL_SIMPLE';
  const records = await planIncoming(
    connection,
    config,
    input.existing,
    input.source,
    operation,
    lookup && (options.combineBeforeUpsert ?? true),
    global,
  );
  const growSmallFiles = operation === 'upsert' || operation === 'insert';
  const sortColumns = options.sortColumns ?? [];
  const unknown = sortColumns.filter((c) => !records.fields.some((f) => f.name === c));
  if (unknown.length > 0) {
    throw new HudiError(
      'invalid-option',
      `Sort column(s) ${unknown.join(', ')} of table ${config.tableName} are not among its columns (${records.fields.map((f) => f.name).join(', ')}); fix hoodie.bulkinsert.user.defined.partitioner.sort.columns.`,
    );
  }
  // A layout sort cuts new file groups by ranges of the sort order, not by a hash of the key.
  const hashed =
    sortColumns.length === 0 &&
    !(options.bloomFilter ?? true) &&
    records.hasRowId &&
    operation !== 'delete' &&
    (slices.length === 0 || !growSmallFiles);
  const partitionsOf = async (name: string) =>
    new Set(
      (await connection.runAndReadAll(`SELECT DISTINCT _hoodie_partition_path FROM ${name}`))
        .getRows()
        .map((row) => String(row[0])),
    );
  const result = async (touched: Set<string>): Promise<TaggedRecords> => ({
    tagged,
    fields: records.fields,
    touched,
    hashed,
  });
  if (lookup && slices.length > 0) {
    await stageIncoming(connection, records, staged);
    mark('stage');
    const touched = await partitionsOf(staged);
    const locate = (slice: FileSlice) => input.storage.locate(slice.baseFile.path);
    const precombineField = operation === 'upsert' ? config.precombineField : undefined;
    if (global) {
      // Every partition's keys are read (only GLOBAL_SIMPLE tables pay for that).
      const updatePartitionPath = operation === 'upsert' && (options.updatePartitionPath ?? true);
      await tagLocationsGlobally(connection, staged, tagged, slices.map(locate), {
        precombineField,
        updatePartitionPath,
        sortColumns,
      });
    } else {
      const candidates = slices
        .filter((slice) => touched.has(slice.partitionPath))
        .map((slice) => ({ slice, location: locate(slice) }));
      await tagLocations(connection, staged, tagged, candidates, precombineField, sortColumns);
    }
    if (operation === 'upsert' && config.precombineField) {
      await connection.run(
        `DELETE FROM ${tagged} WHERE __hudi_file IS NOT NULL AND __hudi_stored_ordering > ${ident(config.precombineField)}`,
      );
    }
    return result(touched);
  }
  if (hashed) {
    // Nothing to look up or grow, no bloom filters: the records go from the source table straight into new
    // file groups, each record's group picked by a hash of its key (see writeNewFileGroups).
    await connection.run(
      `CREATE OR REPLACE TEMP VIEW ${tagged} AS SELECT s.*, NULL::VARCHAR AS __hudi_file, NULL AS __hudi_stored_ordering, NULL::BIGINT AS __hudi_rn, false AS __hudi_delete FROM ${records.from} s`,
    );
  } else {
    // No stored keys to look up: every record goes to a new file group, read from the source once.
    await tagAllAsNew(connection, records.from, tagged, sortColumns);
  }
  mark('stage');
  return result(await partitionsOf(tagged));
}

/** Per stored file location: tagged records updating it, and records leaving it (delete markers of a GLOBAL_SIMPLE move). */
export async function countPerStoredFile(
  connection: DuckDBConnection,
  tagged: string,
): Promise<Map<string, { updates: number; moves: number }>> {
  const counts = new Map<string, { updates: number; moves: number }>();
  const perFile = `SELECT __hudi_file, count(*) FILTER (WHERE NOT __hudi_delete)::BIGINT, count(*) FILTER (WHERE __hudi_delete)::BIGINT FROM ${tagged} WHERE __hudi_file IS NOT NULL GROUP BY 1`;
  for (const row of (await connection.runAndReadAll(perFile)).getRows())
    counts.set(String(row[0]), { updates: Number(row[1]), moves: Number(row[2]) });
  return counts;
}

/** Per partition: the number of new records (tagged to no stored file). */
export async function countInsertsPerPartition(
  connection: DuckDBConnection,
  tagged: string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const query = `SELECT _hoodie_partition_path, count(*)::BIGINT FROM ${tagged} WHERE __hudi_file IS NULL GROUP BY 1 ORDER BY 1`;
  for (const row of (await connection.runAndReadAll(query)).getRows()) counts.set(String(row[0]), Number(row[1]));
  return counts;
}
