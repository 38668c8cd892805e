import type { PlatformEvent } from '@autocorp/platform-client';
import { KeyedCache } from './keyed-cache';

/**
 * The row counts of GET /api/tables/counts, kept until what they counted changes:
 * - curated: per table, keyed by its catalog version and latest completed Hudi commit;
 * - raw: per table, keyed by its set of raw files (the raw zone is immutable: same files, same rows);
 * - source: exact PostgreSQL counts, kept only while CDC is running ('ok') and dropped for a table by
 *   every `cdc-batch` event that names it (so they trail PostgreSQL by at most one CDC batch).
 * Nothing expires by time.
 */
export class TableCountsCache {
  readonly curated = new KeyedCache<number | null>();
  readonly raw = new KeyedCache<number | string>();
  private readonly sourceCounts = new KeyedCache<number>();
  private readonly generations = new Map<string, number>();

  /** Feeds the platform's live events in (the API server subscribes it to its runtime). */
  observe(event: PlatformEvent): void {
    if (event.type === 'cdc-batch')
      for (const { table } of event.tables) this.generations.set(table, (this.generations.get(table) ?? 0) + 1);
    if (event.type === 'component' && event.component === 'cdc' && event.health !== 'ok') this.sourceCounts.clear();
  }

  /** The source count of `table`: kept while `cdcRunning` and no CDC batch named the table since; counted otherwise. */
  source(table: string, cdcRunning: boolean, count: () => Promise<number>): Promise<number> {
    if (!cdcRunning) {
      this.sourceCounts.clear();
      return count();
    }
    return this.sourceCounts.get(table, String(this.generations.get(table) ?? 0), count);
  }
}
