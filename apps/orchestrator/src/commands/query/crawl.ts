import { type CrawlReport, crawlAll } from '@autocorp/catalog';
import { formatTable } from '@autocorp/terminal';
import type { Command } from '../../cli/command';
import { commandProgress } from '../../cli/progress-drawing';
import { LAKE_OPTION, openLake } from '../lake';
import { catalogDatabases, openCatalog } from './query-backends';

/** The files the crawlers could not read, one line each with its reason; empty when there are none. */
export function formatRejectedFiles(reports: readonly CrawlReport[]): string[] {
  const rejected = reports.flatMap((r) => r.rejected.map((f) => ({ ...f, database: r.database })));
  if (rejected.length === 0) return [];
  return [
    `${rejected.length} file(s) rejected (left in the lake, not cataloged):`,
    ...rejected.map((f) => `  ${f.database}.${f.table}  ${f.key}: ${f.reason}`),
  ];
}

export const crawlCommand: Command = {
  path: ['crawl'],
  summary: 'Run the three crawlers (raw database files, raw CSV, curated Hudi) and update the catalog',
  description:
    'Infers schemas, registers tables and partitions; a schema change keeps the old table version and records what changed. Crawling again with no change changes nothing.',
  options: {
    lake: LAKE_OPTION,
    json: { type: 'boolean', default: false, description: 'Print the crawl reports as JSON' },
  },
  async run(values, _positionals, io) {
    const reports = await crawlAll({
      store: openLake(io, values.lake),
      catalog: openCatalog(io),
      databases: catalogDatabases(io.env),
      onProgress: commandProgress(io),
    });
    if (values.json) {
      io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
      return;
    }
    const rows = reports.flatMap((r) =>
      r.tables.map((t) => [r.crawler, `${t.database}.${t.table}`, t.outcome, t.partitionsAdded, t.filesRead]),
    );
    io.stdout.write(`${formatTable(['crawler', 'table', 'outcome', 'partitions added', 'files read'], rows)}\n`);
    const rejected = formatRejectedFiles(reports);
    if (rejected.length > 0) io.stdout.write(`${rejected.join('\n')}\n`);
  },
};
