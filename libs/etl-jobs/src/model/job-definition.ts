import type { DqRule } from '../rules/rule-types';
import type { ColumnDefinition } from './column-type';
import type { IncrementalPlan } from './incremental-plan';
import type { JobName } from './job-name';
import type { JobSource } from './sources';

/** Hudi write operations the jobs use (the Spark datasource names). */
export type HudiOperation = 'upsert' | 'insert' | 'bulk_insert' | 'insert_overwrite' | 'insert_overwrite_table';

/**
 * `hoodie.index.type`. SIMPLE and BLOOM find a key only in the partition the record names; GLOBAL_SIMPLE in
 * any partition (needed when an upsert can change a record's partition value).
 */
export type HudiIndexType = 'SIMPLE' | 'BLOOM' | 'GLOBAL_SIMPLE';

/** How a job's curated table is laid out and written. */
export interface HudiTableSpec {
  /** `hoodie.table.name`; also the folder under `curated/` and the catalog table name. */
  readonly tableName: string;
  readonly recordKeyFields: readonly string[];
  /** The larger value wins between versions of one record key (within a batch and against the table). */
  readonly precombineField: string;
  /** Empty for a non-partitioned table. */
  readonly partitionFields: readonly string[];
  readonly hiveStylePartitioning: boolean;
  readonly operation: HudiOperation;
  readonly indexType: HudiIndexType;
  /** `hoodie.cleaner.commits.retained`. */
  readonly commitsRetained: number;
  /**
   * The layout sort (`hoodie.bulkinsert.user.defined.partitioner.sort.columns`): columns the rows of every base
   * file are ordered by and by whose ranges new file groups are cut, so queries filtering on them skip row
   * groups and an upsert of neighbouring rows (recent orders) rewrites few files. None when omitted.
   */
  readonly sortColumns?: readonly string[];
}

export interface JobDefinition {
  readonly name: JobName;
  readonly layer: 'operational' | 'analytics';
  readonly description: string;
  /** The inputs, each exposed to the transform as a view named `source.view`. */
  readonly sources: readonly JobSource[];
  /** Jobs whose curated tables this one reads (curated sources and reference rules); run before it. */
  readonly dependsOn: readonly JobName[];
  /**
   * The transform: one SELECT over the source views, in the SQL subset DuckDB and Spark SQL share
   * (see `portabilityProblems`). It returns the output `columns` in order, then the META_COLUMNS.
   */
  readonly transformSql: string;
  /** The curated table's columns, in order (without Hudi's `_hoodie_*` meta columns). */
  readonly columns: readonly ColumnDefinition[];
  readonly rules: readonly DqRule[];
  readonly hudi: HudiTableSpec;
  /**
   * For a job whose table is rebuilt (`insert_overwrite_table`): how a run after the first refreshes only
   * the rows its sources' changes affect (upserts and deletes). Without it every run rebuilds the table.
   */
  readonly incremental?: IncrementalPlan;
}
