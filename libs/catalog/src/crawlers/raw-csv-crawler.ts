import {
  INGEST_DATE_KEY,
  RAW_CSV_PREFIX,
  ZONES,
  parseRawCsvKey,
  rawCsvPartitionPrefix,
  rawCsvPrefix,
} from '@autocorp/lake-storage';
import { startProgress } from '@autocorp/progress';
import { isCatalogError } from '../catalog-error';
import { type CsvInference, sniffCsv } from '../csv-sniff';
import { withDuckDb } from '@autocorp/duckdb';
import { CRAWLER_DUCKDB } from './crawler-duckdb';
import type { Column, PartitionInput } from '../model';
import { toCatalogName } from '../names';
import { type CrawlOptions, DEFAULT_DATABASES } from './crawl-options';
import type { CrawlReport, RejectedFile, TableCrawlResult } from './crawl-report';
import { lakeFolderUri, listKeys, withLocalFile } from './local-files';
import { mergeColumns } from './merge-columns';

interface CsvTableFiles {
  /** ingest date -> CSV keys of that partition */
  readonly partitions: Map<string, string[]>;
}

/** The file's inferred layout, or undefined after recording it as rejected when it cannot be read as CSV. */
async function sniffOrReject(
  sniff: () => Promise<CsvInference>,
  file: Omit<RejectedFile, 'reason'>,
  rejected: RejectedFile[],
): Promise<CsvInference | undefined> {
  try {
    return await sniff();
  } catch (error) {
    if (!isCatalogError(error, 'unreadable-file')) throw error;
    rejected.push({ ...file, reason: error.message });
    return undefined;
  }
}

/**
 * Registers one table per `raw/csv/<table>/` folder, partitioned by `ingest_date`, with columns
 * inferred from a sample of every file (DuckDB `sniff_csv`), and one partition per ingest date.
 * A file that cannot be read as CSV is reported in `rejected` with its reason and left out; the
 * other files (and tables) are cataloged.
 */
export async function crawlRawCsv(options: CrawlOptions): Promise<CrawlReport> {
  const database = options.database ?? DEFAULT_DATABASES.raw;
  const { store, catalog } = options;
  await catalog.ensureDatabase({
    name: database,
    description: 'Raw zone of the AutoCorp lake: DMS Parquet and CSV exports.',
    locationUri: lakeFolderUri(store, ZONES.raw),
  });
  const tablesFiles = new Map<string, CsvTableFiles>();
  for (const key of await listKeys(store, RAW_CSV_PREFIX)) {
    const parsed = parseRawCsvKey(key);
    if (!parsed) continue;
    const { table, ingestDate: date } = parsed;
    const entry = tablesFiles.get(table) ?? { partitions: new Map<string, string[]>() };
    entry.partitions.set(date, [...(entry.partitions.get(date) ?? []), key]);
    tablesFiles.set(table, entry);
  }
  const total = [...tablesFiles.values()].reduce(
    (n, t) => n + [...t.partitions.values()].reduce((m, keys) => m + keys.length, 0),
    0,
  );
  const progress = startProgress(options.onProgress, { stage: 'crawl', subject: RAW_CSV_PREFIX, unit: 'files', total });
  const results: TableCrawlResult[] = [];
  const rejected: RejectedFile[] = [];
  try {
    await withDuckDb(CRAWLER_DUCKDB, async (connection) => {
      for (const folder of [...tablesFiles.keys()].sort()) {
        const files = tablesFiles.get(folder) as CsvTableFiles;
        const dates = [...files.partitions.keys()].sort();
        const name = `csv_${toCatalogName(folder)}`;
        const perFile: Column[][] = [];
        const readDates: string[] = [];
        let dialect;
        let filesRead = 0;
        for (const date of dates) {
          for (const key of (files.partitions.get(date) ?? []).sort()) {
            const inferred = await sniffOrReject(
              () => withLocalFile(store, key, (file) => sniffCsv(connection, file)),
              { key, table: name },
              rejected,
            );
            progress.advance(1);
            if (!inferred) continue;
            perFile.push(inferred.columns.filter((c) => c.name !== INGEST_DATE_KEY));
            dialect ??= inferred.dialect;
            filesRead++;
            if (readDates.at(-1) !== date) readDates.push(date);
          }
        }
        // Every file of the table was rejected: there is no schema to register.
        if (perFile.length === 0) continue;
        const result = await catalog.registerTable(database, {
          name,
          location: lakeFolderUri(store, rawCsvPrefix(folder)),
          format: 'csv',
          columns: mergeColumns(perFile),
          partitionKeys: [{ name: INGEST_DATE_KEY, type: 'string' }],
          properties: {
            delimiter: dialect?.delimiter ?? ',',
            quote: dialect?.quote ?? '"',
            escape: dialect?.escape ?? '',
            'skip.header.line.count': dialect?.hasHeader === false ? '0' : '1',
            'autocorp.source': 'csv-export',
            'autocorp.source_table': folder,
          },
          description: `CSV exports of ${folder}, one partition per ingest date.`,
        });
        const partitions: PartitionInput[] = readDates.map((date) => ({
          values: [date],
          location: lakeFolderUri(store, rawCsvPartitionPrefix(folder, date)),
        }));
        const added = await catalog.addPartitions(database, name, partitions);
        results.push({
          database,
          table: name,
          outcome: result.outcome,
          ...(result.change ? { change: result.change } : {}),
          partitionsAdded: added,
          filesRead,
        });
      }
    });
  } finally {
    progress.finish();
  }
  return { crawler: 'raw-csv', database, tables: results, rejected };
}
