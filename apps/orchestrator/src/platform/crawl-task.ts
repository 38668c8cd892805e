import { crawlAll } from '@autocorp/catalog';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import type { CommandIo } from '../cli/command';
import { catalogDatabases, openCatalog } from '../commands/query/query-backends';
import type { PlatformEventHub } from '../api/platform-event-hub';
import type { HealthBoard } from './health-board';
import type { ScheduledTask } from './work-scheduler';

export const CRAWL_TASK = 'crawl';

/** Crawls raw and curated tables into the catalog (at start, and when a schema or a table changed). */
export function crawlTask(options: {
  readonly io: CommandIo;
  readonly store: ObjectStore;
  readonly hub: PlatformEventHub;
  readonly health: HealthBoard;
  readonly onProgress: ProgressListener;
}): ScheduledTask {
  return {
    name: CRAWL_TASK,
    delayMs: 0,
    async run() {
      const reports = await crawlAll({
        store: options.store,
        catalog: openCatalog(options.io),
        databases: catalogDatabases(options.io.env),
        onProgress: options.onProgress,
      });
      const tables = reports.flatMap((r) => r.tables.map((t) => ({ ...t, database: r.database })));
      const rejected = reports.reduce((n, r) => n + r.rejected.length, 0);
      options.hub.publish({
        type: 'crawl',
        at: Date.now(),
        tables: tables.length,
        changed: tables.filter((t) => t.outcome !== 'unchanged').map((t) => `${t.database}.${t.table}`),
      });
      options.health.set(
        'catalog',
        rejected > 0 ? 'degraded' : 'ok',
        rejected > 0 ? `${rejected} file(s) rejected by the crawlers` : null,
      );
    },
  };
}
