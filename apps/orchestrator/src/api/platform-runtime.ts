import type { Catalog } from '@autocorp/catalog';
import type { CdcConnection } from '@autocorp/cdc';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { PlatformEvent, PlatformStatus } from '@autocorp/platform-client';
import type { QueryExecutor } from '@autocorp/query';

/** The catalog databases of the two zones (AUTOCORP_RAW_DATABASE / AUTOCORP_CURATED_DATABASE or the defaults). */
export interface ZoneDatabases {
  readonly raw: string;
  readonly curated: string;
}

/**
 * What the API reads from a platform: `autocorp up` (live) or `autocorp serve` (static, nothing
 * running). The API only reads through it; it never writes to the source database or the lake's zones.
 */
export interface PlatformRuntime {
  /** The lake (@autocorp/lake-storage). */
  readonly store: ObjectStore;
  /** The catalog of the profile (local JSON or Glue) with its zone databases. */
  readonly catalog: Catalog;
  readonly databases: ZoneDatabases;
  /** For source row counts and the slot's status; null when the source database is not reachable. */
  readonly sourceConnection: CdcConnection | null;
  /** The replication slot CDC uses (DEFAULT_CDC_SLOT unless configured). */
  readonly slotName: string;
  /** The query engine of the profile (Athena on aws); without it the API queries with DuckDB over the catalog. */
  createQueryExecutor?(): QueryExecutor;
  status(): PlatformStatus;
  /** Calls `listener` with every live event from now on; returns the unsubscribe function. */
  subscribe(listener: (event: PlatformEvent) => void): () => void;
}
