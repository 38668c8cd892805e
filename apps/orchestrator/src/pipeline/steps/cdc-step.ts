import { runCdcUntilIdle } from '@autocorp/cdc';
import { formatCount } from '@autocorp/terminal';
import { commandProgress } from '../../cli/progress-drawing';
import { lakeOf } from '../lake';
import type { PipelineStep } from '../pipeline-step';

/** Full load on the first pass, then streams every change committed so far into raw/database/ and stops. */
export const cdcStep: PipelineStep = {
  name: 'full load + change data capture',
  async run(context) {
    const db = context.sourceDb;
    if (!db) throw new Error('the source database is not open (the "source database" step must run first)');
    const summary = await runCdcUntilIdle({
      connection: db.connectionConfig,
      store: lakeOf(context),
      onProgress: commandProgress(context.io),
    });
    const load = summary.fullLoad
      ? `full load ${formatCount(summary.fullLoad.rows)} rows; `
      : 'full load done before; ';
    return {
      headline: `${load}${formatCount(summary.changes)} change(s) streamed in ${summary.files} file(s); position ${summary.position.lsn}`,
      details:
        summary.fullLoad?.tables.map((t) => `  pg_${t.table.padEnd(22)} ${formatCount(t.rows).padStart(11)} rows`) ??
        [],
    };
  },
};
