import type { DuckDbOptions } from '@autocorp/duckdb';

/** The in-memory DuckDB a crawl reads footers and samples with: two threads, like the ETL's default. */
export const CRAWLER_DUCKDB: DuckDbOptions = { threads: 2 };
