import { crawlAll } from '@autocorp/catalog';
import { formatTable } from '@autocorp/terminal';
import type { Command } from '../../cli/command';
import { LAKE_OPTION, openLake } from '../lake';
import { catalogDatabases, openCatalog } from './query-backends';

export const crawlCommand: Command = {
  path: ['crawl'],
  summary: 'Run the three crawlers (raw database files, raw CSV, curated Hudi) and update the catalog',
  description: 'Infers schemas, registers tables and partitions; a schema change keeps the old table version and records what changed. Crawling again with no change changes nothing.',
  options: { lake: LAKE_OPTION, json: { type: 'boolean', default: false, description: 'Print the crawl reports as JSON' } },
  async run(values, _positionals, io) {
    const reports = await crawlAll({ store: openLake(io, values.lake), catalog: openCatalog(io), databases: catalogDatabases(io.env) });
    if (values.json) {
      io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
      return;
    }
    const rows = reports.flatMap((r) => r.tables.map((t) => [r.crawler, `${t.database}.${t.table}`, t.outcome, t.partitionsAdded, t.filesRead]));
    io.stdout.write(`${formatTable(['crawler', 'table', 'outcome', 'partitions added', 'files read'], rows)}\n`);
  },
};
