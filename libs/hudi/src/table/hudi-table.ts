import type { DuckDBConnection } from '@duckdb/node-api';
import { parsePartitionPath } from '../config/partition-path';
import { PROPERTIES_PATH, parseTableConfig, type TableConfig } from '../config/table-config';
import type { FileSystemView } from '../file-group/file-system-view';
import type { FileSlice } from '../file-group/file-slice';
import { HudiError } from '../hudi-error';
import { META_FIELDS } from '../schema/meta-fields';
import type { TableSchema } from '../schema/table-schema';
import { quoteIdentifier as ident, quoteLiteral as literal, quoteList as literalList } from '@autocorp/duckdb/sql';
import { LocalStorage } from '../storage/local-storage';
import type { Storage } from '../storage/storage';
import { toInstantTime } from '../timeline/instant-time';
import type { Timeline } from '../timeline/timeline';
import type { QueryFile, QueryPlan, ReadOptions, ReadQuery } from './read-query';
import { latestFileSlices, loadSnapshot, snapshotSchema, type TableSnapshot } from './table-snapshot';
import { maintainTable, type MaintainOptions, type MaintainResult } from './maintain';
import { writeRecords } from './write/write-operation';
import type { WriteOperation, WriteOptions, WriteResult } from './write/write-options';

export const READABLE_TABLE_VERSIONS = [5, 6];

/** Where a table lives: a local base path, or any Storage. */
export type TableLocation = string | Storage;

export function toStorage(location: TableLocation): Storage {
  return typeof location === 'string' ? new LocalStorage(location) : location;
}

/**
 * An open Hudi Copy-on-Write table: an immutable snapshot of its configuration, timeline and files at the time
 * it was opened. Reads see that snapshot; `refresh()` returns a new one. Writes and `maintain()` work on the
 * table as it is under the writer lock (whatever this snapshot saw), so refresh after them to read their result.
 *
 * @example
 * let table = await HudiTable.open('/lake/curated/sales_order');
 * await table.upsert(connection, 'SELECT * FROM staged_orders');
 * table = await table.refresh(); // now sees the commit
 */
export class HudiTable implements TableSnapshot {
  private constructor(
    readonly storage: Storage,
    readonly config: TableConfig,
    readonly timeline: Timeline,
    readonly view: FileSystemView,
  ) {}

  private static of(snapshot: TableSnapshot): HudiTable {
    return new HudiTable(snapshot.storage, snapshot.config, snapshot.timeline, snapshot.view);
  }

  /** Opens the table at a base path. Throws HudiError not-a-table / unsupported-version / unsupported-table. */
  static async open(location: TableLocation): Promise<HudiTable> {
    const storage = toStorage(location);
    if (!(await storage.exists(PROPERTIES_PATH))) {
      throw new HudiError(
        'not-a-table',
        `${storage.root} is not a Hudi table: ${PROPERTIES_PATH} is missing. Check the path, or create the table with createTable().`,
      );
    }
    const config = parseTableConfig((await storage.read(PROPERTIES_PATH)).toString('utf8'), storage.root);
    if (!READABLE_TABLE_VERSIONS.includes(config.tableVersion)) {
      throw new HudiError(
        'unsupported-version',
        `Table ${storage.root} has hoodie.table.version=${config.tableVersion}; this engine reads versions ${READABLE_TABLE_VERSIONS.join(' and ')} (Hudi 0.12 to 0.15). Rewrite the table with Hudi 0.14/0.15.`,
      );
    }
    if (config.timelineLayoutVersion !== 1) {
      throw new HudiError(
        'unsupported-version',
        `Table ${storage.root} has hoodie.timeline.layout.version=${config.timelineLayoutVersion}; only layout version 1 is supported.`,
      );
    }
    if (config.tableType !== 'COPY_ON_WRITE') {
      throw new HudiError(
        'unsupported-table',
        `Table ${storage.root} is ${config.tableType}; this engine handles COPY_ON_WRITE tables only. Compact or rewrite it as a Copy-on-Write table.`,
      );
    }
    return HudiTable.of(await loadSnapshot(storage, config));
  }

  get basePath(): string {
    return this.storage.root;
  }

  /** A new snapshot of the table: its timeline and files listed again (after writes, here or by others). This one is unchanged. */
  async refresh(): Promise<HudiTable> {
    return HudiTable.of(await loadSnapshot(this.storage, this.config));
  }

  /** Data columns (no meta columns) of the latest schema: from the latest commit, else `hoodie.table.create.schema`. */
  schema(): Promise<TableSchema> {
    return snapshotSchema(this);
  }

  /** Completed commit and replace commit instants, oldest first. */
  commits(): string[] {
    return this.timeline.completedWrites().map((i) => i.timestamp);
  }

  /** Latest file slices visible as of an instant (all completed instants when undefined). */
  fileSlices(asOf?: string | Date, partitionFilter?: ReadQuery['partitionFilter']): Promise<FileSlice[]> {
    return latestFileSlices(this, asOf, partitionFilter);
  }

  /** The base files (and commit-time filter) a query reads, for building `read_parquet([...])` SQL elsewhere. */
  async plan(query: ReadQuery): Promise<QueryPlan> {
    const tz = this.config.timelineTimezone;
    const latest = this.timeline.completedWrites().at(-1)?.timestamp;
    if (query.type === 'incremental') {
      const begin = toInstantTime(query.begin, tz);
      const end = query.end === undefined ? latest : toInstantTime(query.end, tz);
      if (end === undefined) return { files: [], asOfInstant: undefined, rowFilterSql: 'false' };
      const slices = (await this.fileSlices(end, query.partitionFilter)).filter((slice) => slice.baseInstant > begin);
      return {
        files: slices.map((slice) => this.queryFile(slice)),
        asOfInstant: end,
        commitTimeRange: { beginExclusive: begin, endInclusive: end },
        rowFilterSql: `_hoodie_commit_time > ${literal(begin)} AND _hoodie_commit_time <= ${literal(end)}`,
      };
    }
    const asOf = query.type === 'asOf' ? toInstantTime(query.asOf, tz) : latest;
    const slices = await this.fileSlices(asOf, query.partitionFilter);
    return { files: slices.map((slice) => this.queryFile(slice)), asOfInstant: asOf, rowFilterSql: undefined };
  }

  /** DuckDB SQL answering a query (typed, zero-row SQL when no file qualifies). */
  async sql(query: ReadQuery, options: ReadOptions = {}): Promise<string> {
    const planned = await this.plan(query);
    const only = options.onlyFiles;
    const plan = only ? { ...planned, files: planned.files.filter((f) => only.has(f.location)) } : planned;
    const schema = await this.schema();
    const allColumns = [...META_FIELDS.map((name) => ({ name, duckdbType: 'VARCHAR' })), ...schema.fields];
    for (const column of options.columns ?? []) {
      if (!allColumns.some((c) => c.name === column)) {
        throw new HudiError(
          'invalid-option',
          `Column "${column}" is not in table ${this.config.tableName}; available: ${allColumns.map((c) => c.name).join(', ')}.`,
        );
      }
    }
    const wanted = options.columns ?? allColumns.map((c) => c.name);
    const conditions = [plan.rowFilterSql, options.where].filter((c): c is string => c !== undefined && c !== '');
    const where = conditions.length > 0 ? ` WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}` : '';
    if (plan.files.length === 0) {
      const typed = wanted.map(
        (name) => `CAST(NULL AS ${allColumns.find((c) => c.name === name)?.duckdbType ?? 'VARCHAR'}) AS ${ident(name)}`,
      );
      return `SELECT * FROM (SELECT ${typed.join(', ')}) WHERE false`;
    }
    const select = wanted.map(ident).join(', ');
    return `SELECT ${select} FROM read_parquet(${literalList(plan.files.map((f) => f.location))}, union_by_name = true)${where}`;
  }

  /** Reads a query's rows as JS values (numbers, bigints for BIGINT, strings, Dates...) via DuckDB. */
  async read(
    connection: DuckDBConnection,
    query: ReadQuery,
    options: ReadOptions = {},
  ): Promise<Record<string, unknown>[]> {
    const reader = await connection.runAndReadAll(await this.sql(query, options));
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  }

  /** Reads a query's rows in JSON-safe form (BIGINT and DECIMAL as strings). */
  async readJson(
    connection: DuckDBConnection,
    query: ReadQuery,
    options: ReadOptions = {},
  ): Promise<Record<string, unknown>[]> {
    const reader = await connection.runAndReadAll(await this.sql(query, options));
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  /**
   * Writes records given as a DuckDB query or table/view name on `connection`. Takes the writer lock, lists the
   * table again, rolls back crashed writes, commits atomically, then cleans (unless options.clean is false).
   * This snapshot does not change: `refresh()` to read the commit.
   */
  async write(
    connection: DuckDBConnection,
    operation: WriteOperation,
    source: string,
    options: WriteOptions = {},
  ): Promise<WriteResult> {
    return writeRecords(this, connection, operation, source, options);
  }

  /** Inserts new keys and updates existing ones (the larger precombine value wins). */
  upsert(connection: DuckDBConnection, source: string, options?: WriteOptions): Promise<WriteResult> {
    return this.write(connection, 'upsert', source, options);
  }

  /** Adds records without looking keys up (duplicates of stored keys are possible, as in Hudi). */
  insert(connection: DuckDBConnection, source: string, options?: WriteOptions): Promise<WriteResult> {
    return this.write(connection, 'insert', source, options);
  }

  /** Like insert, into new file groups only (no small-file growth): for initial loads. */
  bulkInsert(connection: DuckDBConnection, source: string, options?: WriteOptions): Promise<WriteResult> {
    return this.write(connection, 'bulk_insert', source, options);
  }

  /** Deletes the records whose keys (record key and partition fields) the source gives. */
  delete(connection: DuckDBConnection, source: string, options?: WriteOptions): Promise<WriteResult> {
    return this.write(connection, 'delete', source, options);
  }

  /** Replaces the partitions the source touches with the source's records. */
  insertOverwrite(connection: DuckDBConnection, source: string, options?: WriteOptions): Promise<WriteResult> {
    return this.write(connection, 'insert_overwrite', source, options);
  }

  /** Replaces the whole table with the source's records. */
  insertOverwriteTable(connection: DuckDBConnection, source: string, options?: WriteOptions): Promise<WriteResult> {
    return this.write(connection, 'insert_overwrite_table', source, options);
  }

  /** Rolls back crashed writes and cleans old file slices now (normally done by each write); `refresh()` to see the result. */
  maintain(options: MaintainOptions = {}): Promise<MaintainResult> {
    return maintainTable(this, options);
  }

  private queryFile(slice: FileSlice): QueryFile {
    return {
      location: this.storage.locate(slice.baseFile.path),
      path: slice.baseFile.path,
      partitionPath: slice.partitionPath,
      partitionValues: parsePartitionPath(this.config, slice.partitionPath),
      fileId: slice.fileId,
      instant: slice.baseInstant,
      size: slice.baseFile.size,
    };
  }
}
