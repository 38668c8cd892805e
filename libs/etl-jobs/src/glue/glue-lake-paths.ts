import { ZONES, cdcStateKeys, rawCsvPrefix, rawDatabasePrefix } from '@autocorp/lake-storage/layout';

/** A key of the raw zone as a path under `--raw_path` (which already names the zone). */
function inRawZone(key: string): string {
  if (!key.startsWith(ZONES.raw)) throw new Error(`${key} is not a key of the raw zone (${ZONES.raw}).`);
  return key.slice(ZONES.raw.length);
}

/** Stands for the slot name, which the script learns only from its `--cdc_slot` argument. */
const SLOT_PLACEHOLDER = 'SLOTNAME';

/**
 * Where the Glue script finds the CDC position file under `--lake_path`: the key the lake layout gives
 * `cdcStateKeys(slot).position`, split around the slot name the script inserts at run time.
 */
export function glueCdcPositionKey(): { readonly before: string; readonly after: string } {
  const [before, after, ...rest] = cdcStateKeys(SLOT_PLACEHOLDER).position.split(SLOT_PLACEHOLDER);
  if (before === undefined || after === undefined || rest.length > 0)
    throw new Error('The CDC position key must name the slot exactly once.');
  return { before, after };
}

/** Folder of a source table's DMS files under `--raw_path` (e.g. `database/pg_sales_order/`). */
export function glueRawDatabaseFolder(table: string): string {
  return inRawZone(rawDatabasePrefix(table));
}

/** Folder of a CSV table's exports under `--raw_path` (e.g. `csv/sales_orders/`). */
export function glueRawCsvFolder(table: string): string {
  return inRawZone(rawCsvPrefix(table));
}
