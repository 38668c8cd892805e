import type { RegisterOutcome } from '../catalog';
import type { SchemaChange } from '../model';

export interface TableCrawlResult {
  readonly database: string;
  readonly table: string;
  readonly outcome: RegisterOutcome;
  /** What changed, when the outcome is `updated`. */
  readonly change?: SchemaChange;
  readonly partitionsAdded: number;
  /** Files whose metadata was read. */
  readonly filesRead: number;
}

export interface CrawlReport {
  readonly crawler: 'raw-database' | 'raw-csv' | 'curated-hudi';
  readonly database: string;
  readonly tables: TableCrawlResult[];
}
