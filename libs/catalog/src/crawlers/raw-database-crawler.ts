import { RAW_DATABASE_PREFIX, ZONES, isLoadFileKey, parseRawDatabaseKey } from '@autocorp/lake-storage';
import { startProgress } from '@autocorp/progress';
import { withDuckDb } from '@autocorp/duckdb';
import { CRAWLER_DUCKDB } from './crawler-duckdb';
import { toCatalogName } from '../names';
import { parquetColumns } from '../parquet-schema';
import { type CrawlOptions, DEFAULT_DATABASES } from './crawl-options';
import type { CrawlReport, TableCrawlResult } from './crawl-report';
import { lakeFolderUri, listKeys, withLocalFile } from './local-files';
import { mergeColumns } from './merge-columns';

/** Full-load files (LOAD00000001.parquet ...) first, then CDC files in key (time) order, as DMS writes them. */
function dmsFileOrder(a: string, b: string): number {
  const la = isLoadFileKey(a);
  const lb = isLoadFileKey(b);
  if (la !== lb) return la ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Registers one table per `raw/database/pg_<table>/` folder (the AWS DMS S3 layout), typed from
 * the Parquet footers of its files (DuckDB `parquet_schema`); columns of all files merged.
 */
export async function crawlRawDatabase(options: CrawlOptions): Promise<CrawlReport> {
  const database = options.database ?? DEFAULT_DATABASES.raw;
  const { store, catalog } = options;
  await catalog.ensureDatabase({
    name: database,
    description: 'Raw zone of the AutoCorp lake: DMS Parquet and CSV exports.',
    locationUri: lakeFolderUri(store, ZONES.raw),
  });
  const byFolder = new Map<string, string[]>();
  for (const key of await listKeys(store, RAW_DATABASE_PREFIX)) {
    const folder = parseRawDatabaseKey(key)?.folder;
    if (!folder || !key.endsWith('.parquet')) continue;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), key]);
  }
  const total = [...byFolder.values()].reduce((n, keys) => n + keys.length, 0);
  const progress = startProgress(options.onProgress, {
    stage: 'crawl',
    subject: RAW_DATABASE_PREFIX,
    unit: 'files',
    total,
  });
  const tables: TableCrawlResult[] = [];
  try {
    await withDuckDb(CRAWLER_DUCKDB, async (connection) => {
      for (const folder of [...byFolder.keys()].sort()) {
        const keys = (byFolder.get(folder) ?? []).sort(dmsFileOrder);
        const perFile = [];
        for (const key of keys) {
          perFile.push(await withLocalFile(store, key, (file) => parquetColumns(connection, file)));
          progress.advance(1);
        }
        const name = toCatalogName(folder);
        const sourceTable = parseRawDatabaseKey(keys[0] ?? '')?.table ?? folder;
        const result = await catalog.registerTable(database, {
          name,
          location: lakeFolderUri(store, `${RAW_DATABASE_PREFIX}${folder}/`),
          format: 'parquet',
          columns: mergeColumns(perFile),
          partitionKeys: [],
          properties: { 'autocorp.source': 'dms', 'autocorp.source_table': sourceTable },
          description: `DMS full load and CDC files of source table ${sourceTable}.`,
        });
        tables.push({
          database,
          table: name,
          outcome: result.outcome,
          ...(result.change ? { change: result.change } : {}),
          partitionsAdded: 0,
          filesRead: keys.length,
        });
      }
    });
  } finally {
    progress.finish();
  }
  return { crawler: 'raw-database', database, tables, rejected: [] };
}
