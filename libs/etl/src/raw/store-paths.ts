import type { ObjectStore } from '@autocorp/lake-storage';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import { EtlError } from '../etl-error';

/** The local path of a store key; the local runner reads files in place, so the store must be local. */
export function localPathOf(store: ObjectStore, key: string): string {
  const local = store.localPath(key);
  if (local === undefined) {
    throw new EtlError(
      'unsupported-store',
      `The lake ${store.uri} is not on the local filesystem; the local ETL runner reads files in place with DuckDB. Run it on a file:// lake, or deploy the Glue jobs for S3.`,
    );
  }
  return local;
}

/** The local folder the store's keys are relative to. */
export function localRootOf(store: ObjectStore): string {
  const probe = localPathOf(store, 'state');
  return probe.slice(0, probe.length - 'state'.length);
}

/** SQL giving the store key of a local file path held in `pathColumn` (a path DuckDB read under `root`). */
export function storeKeySql(pathColumn: string, root: string): string {
  return `replace(${pathColumn}, ${quoteLiteral(root)}, '')`;
}
