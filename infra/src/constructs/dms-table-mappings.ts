import {
  CDC_COLUMNS,
  RAW_DATABASE_PREFIX,
  RAW_DATABASE_TABLE_FOLDER_PREFIX,
  ZONES,
} from '@autocorp/lake-storage/layout';

/** DMS writes into `<bucketFolder>/<schema>/<table>/`; renaming the schema to this puts files under `raw/database/`. */
export const DMS_TARGET_SCHEMA_FOLDER = RAW_DATABASE_PREFIX.slice(ZONES.raw.length, -1);
/** The prefix every table gets in the raw zone, so files land at `raw/database/pg_<table>/`. */
export const DMS_TABLE_PREFIX = RAW_DATABASE_TABLE_FOLDER_PREFIX;
/** Columns DMS adds to every row, matching the layout @autocorp/cdc writes on the local profile. */
export const DMS_ADDED_COLUMNS = [
  { name: CDC_COLUMNS.commitLsn, expression: '$AR_H_STREAM_POSITION' },
  { name: CDC_COLUMNS.seq, expression: '$AR_H_CHANGE_SEQ' },
] as const;

interface DmsRule {
  readonly 'rule-type': 'selection' | 'transformation';
  readonly 'rule-id': string;
  readonly 'rule-name': string;
  readonly [key: string]: unknown;
}

export interface DmsTableMappings {
  readonly rules: readonly DmsRule[];
}

/**
 * The DMS table mapping: include exactly the given tables of the source schema, rename the schema folder to
 * `database`, prefix every table with `pg_`, and add the change-position columns the ETL jobs order by.
 */
export function dmsTableMappings(schema: string, tables: readonly string[]): DmsTableMappings {
  const rules: DmsRule[] = [];
  const next = (): string => String(rules.length + 1);
  for (const table of tables) {
    rules.push({
      'rule-type': 'selection',
      'rule-id': next(),
      'rule-name': `include-${table}`,
      'object-locator': { 'schema-name': schema, 'table-name': table },
      'rule-action': 'include',
    });
  }
  rules.push({
    'rule-type': 'transformation',
    'rule-id': next(),
    'rule-name': 'schema-folder-database',
    'rule-target': 'schema',
    'object-locator': { 'schema-name': schema },
    'rule-action': 'rename',
    value: DMS_TARGET_SCHEMA_FOLDER,
  });
  rules.push({
    'rule-type': 'transformation',
    'rule-id': next(),
    'rule-name': 'table-prefix-pg',
    'rule-target': 'table',
    'object-locator': { 'schema-name': schema, 'table-name': '%' },
    'rule-action': 'add-prefix',
    value: DMS_TABLE_PREFIX,
  });
  for (const column of DMS_ADDED_COLUMNS) {
    rules.push({
      'rule-type': 'transformation',
      'rule-id': next(),
      'rule-name': `add-column${column.name}`,
      'rule-target': 'column',
      'object-locator': { 'schema-name': schema, 'table-name': '%' },
      'rule-action': 'add-column',
      value: column.name,
      expression: column.expression,
      'data-type': { type: 'string', length: 64 },
    });
  }
  return { rules };
}
