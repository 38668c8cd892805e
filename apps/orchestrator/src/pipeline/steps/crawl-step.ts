import { crawlAll } from '@autocorp/catalog';
import { commandProgress } from '../../cli/progress-drawing';
import { formatRejectedFiles } from '../../commands/query/crawl';
import { catalogDatabases, openCatalog } from '../../commands/query/query-backends';
import { lakeOf } from '../lake';
import type { PipelineStep } from '../pipeline-step';

/** Crawls raw database files, raw CSV and the curated Hudi tables into the catalog. */
export const crawlStep: PipelineStep = {
  name: 'crawl into the catalog',
  async run(context) {
    const reports = await crawlAll({
      store: lakeOf(context),
      catalog: openCatalog(context.io),
      databases: catalogDatabases(context.io.env),
      onProgress: commandProgress(context.io),
    });
    const tables = reports.flatMap((r) => r.tables);
    const count = (o: string) => tables.filter((t) => t.outcome === o).length;
    const rejected = reports.reduce((n, r) => n + r.rejected.length, 0);
    return {
      headline: `${tables.length} table(s): ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged${rejected > 0 ? `; ${rejected} file(s) rejected` : ''}`,
      details: [
        ...reports.map((r) => `  ${r.crawler.padEnd(14)} ${r.database}: ${r.tables.map((t) => t.table).join(', ')}`),
        ...formatRejectedFiles(reports),
      ],
    };
  },
};
