import { type CrawlOptions, DEFAULT_DATABASES } from './crawl-options';
import type { CrawlReport } from './crawl-report';
import { crawlCuratedHudi } from './curated-hudi-crawler';
import { crawlRawCsv } from './raw-csv-crawler';
import { crawlRawDatabase } from './raw-database-crawler';

export interface CrawlAllOptions extends Omit<CrawlOptions, 'database'> {
  readonly databases?: { readonly raw?: string; readonly curated?: string };
}

/** Runs the three crawlers: raw database files, raw CSV, curated Hudi tables (`autocorp crawl`). */
export async function crawlAll(options: CrawlAllOptions): Promise<CrawlReport[]> {
  const raw = options.databases?.raw ?? DEFAULT_DATABASES.raw;
  const curated = options.databases?.curated ?? DEFAULT_DATABASES.curated;
  const base = {
    store: options.store,
    catalog: options.catalog,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  return [
    await crawlRawDatabase({ ...base, database: raw }),
    await crawlRawCsv({ ...base, database: raw }),
    await crawlCuratedHudi({ ...base, database: curated }),
  ];
}
