/**
 * How an analytics job refreshes only what changed. Its output rows fall into units (the rows of one
 * order, the rows of one service) that the transform computes from the units' source rows alone. A
 * run reads, per curated source, the record keys written or deleted since the instant the job last
 * consumed (a Hudi incremental query plus the deleted keys each upstream delete commit records), maps
 * them to units through the drivers, runs the transform over the source rows of those units only, and
 * upserts the result and deletes the unit's rows that the transform no longer returns.
 */
export interface IncrementalPlan {
  /** The output column naming a row's unit; the unit's rows are recomputed together. */
  readonly unit: string;
  /** Which source changes affect which units; every curated source of the job has at least one driver. */
  readonly drivers: readonly IncrementalDriver[];
  /**
   * Source views read only for the affected units: view -> its column holding the unit value. The
   * other sources are read whole (lookups such as customers or the parts catalog).
   */
  readonly restrict: Readonly<Record<string, string>>;
}

/**
 * A change of source `view` affects the units named by its changed record keys' `key` column, or,
 * with `via`, the `unit` column of the rows of source view `via.view` whose `via.on` column equals
 * the changed `key` (a part's price -> every catalog service that uses the part).
 * `key` must be a record key field of the source's table: deleted rows are known by their keys only.
 */
export interface IncrementalDriver {
  readonly source: string;
  readonly key: string;
  readonly via?: { readonly view: string; readonly on: string; readonly unit: string };
  /**
   * Only these source columns matter to the job through this driver: a written row whose values of
   * them equal the row's values as of the job's last run is skipped (an order's status change does
   * not touch its line items). Inserted and deleted rows always count. All columns when omitted.
   */
  readonly columns?: readonly string[];
}

/**
 * Commit `extraMetadata` entry of an upstream delete: a JSON array of the deleted records' key field
 * objects. A Spark writer records it with the write option of the same name (the `_` commit-metadata
 * key prefix), the local runner with WriteOptions.extraMetadata.
 */
export const DELETED_KEYS_METADATA_KEY = '_autocorp_deleted_keys';

/**
 * Commit `extraMetadata` entry of a Glue analytics run's last commit: a JSON object of the instant of each
 * curated source it consumed (the Glue side's bookmark, atomic with the commit; the local runner keeps its
 * bookmark file).
 */
export const CONSUMED_INSTANTS_METADATA_KEY = '_autocorp_consumed_instants';

/** Hudi operation types after which an incremental read and the recorded deletes say all that changed. */
export const INCREMENTAL_SAFE_OPERATIONS = ['UPSERT', 'INSERT', 'BULK_INSERT', 'DELETE'] as const;
