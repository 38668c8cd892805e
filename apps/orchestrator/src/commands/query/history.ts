import { HudiError, HudiTable, parseInstantTime } from '@autocorp/hudi';
import { curatedTablePrefix } from '@autocorp/lake-storage';
import { formatBytes, formatTable } from '@autocorp/terminal';
import { CliError } from '../../cli/cli-error';
import type { Command } from '../../cli/command';
import { LAKE_OPTION, openLake } from '../lake';

export interface CommitHistoryRow {
  readonly instant: string;
  readonly time: string;
  readonly action: string;
  readonly operation: string;
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  readonly filesWritten: number;
  readonly bytesWritten: number;
}

/** The completed writes of a Hudi table, oldest first, with row counts from their commit metadata. */
export async function commitHistory(table: HudiTable): Promise<CommitHistoryRow[]> {
  const rows: CommitHistoryRow[] = [];
  for (const instant of table.timeline.completedWrites()) {
    const metadata = await table.timeline.commitMetadata(instant);
    const stats = Object.values(metadata.partitionToWriteStats).flat();
    rows.push({
      instant: instant.timestamp,
      time: parseInstantTime(instant.timestamp).toISOString(),
      action: instant.action,
      operation: String(metadata.operationType),
      inserted: stats.reduce((n, s) => n + s.numInserts, 0),
      updated: stats.reduce((n, s) => n + s.numUpdateWrites, 0),
      deleted: stats.reduce((n, s) => n + s.numDeletes, 0),
      filesWritten: stats.filter((s) => s.path).length,
      bytesWritten: stats.reduce((n, s) => n + s.totalWriteBytes, 0),
    });
  }
  return rows;
}

export const historyCommand: Command = {
  path: ['history'],
  summary: "List a curated table's commits: time, operation, rows inserted/updated/deleted",
  description:
    'Instants listed here can be passed to "autocorp query --as-of" (time travel) and "--since" (incremental reads).',
  positionals: ['<table>'],
  options: { lake: LAKE_OPTION, json: { type: 'boolean', default: false, description: 'Print JSON' } },
  async run(values, positionals, io) {
    const name = positionals[0];
    if (!name)
      throw new CliError(
        'usage',
        'name the table: autocorp history <table> (e.g. sales_order). "autocorp tables" lists them.',
      );
    const store = openLake(io, values.lake);
    const folder = store.localPath(curatedTablePrefix(name).replace(/\/$/, ''));
    if (folder === undefined)
      throw new CliError(
        'usage',
        `history reads the local lake; ${store.uri} is remote (on aws use the Glue/Athena console or "autocorp query").`,
      );
    let table: HudiTable;
    try {
      table = await HudiTable.open(folder);
    } catch (error) {
      // Only a missing table is a usage error; a table that is there but cannot be read keeps its own error.
      if (error instanceof HudiError && error.kind === 'not-a-table') {
        throw new CliError(
          'usage',
          `there is no curated table "${name}" at ${folder}. "autocorp tables" lists the tables.`,
          { cause: error },
        );
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError('unreadable-input', `curated table "${name}" at ${folder} cannot be read: ${reason}`, {
        cause: error,
      });
    }
    const rows = await commitHistory(table);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    io.stdout.write(
      `${formatTable(
        ['instant', 'time (UTC)', 'action', 'operation', 'inserted', 'updated', 'deleted', 'files', 'bytes'],
        rows.map((r) => [
          r.instant,
          r.time,
          r.action,
          r.operation,
          r.inserted,
          r.updated,
          r.deleted,
          r.filesWritten,
          formatBytes(r.bytesWritten),
        ]),
      )}\n`,
    );
  },
};
