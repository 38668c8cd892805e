import { generate, readManifest } from '@autocorp/generator';
import { status } from '@autocorp/source-db';
import { formatCount } from '@autocorp/terminal';
import { commandProgress } from '../../cli/progress-drawing';
import type { PipelineStep } from '../pipeline-step';

/**
 * Generates the business at the pass's scale into an empty source database and writes the CSV
 * exports. A later pass over the same state folder keeps what is there (CDC then streams only the
 * changes since); a pass at another scale or seed is refused rather than mixing two data sets.
 */
export const generateStep: PipelineStep = {
  name: 'generate and load data',
  async run(context) {
    const db = context.sourceDb;
    if (!db) throw new Error('the source database is not open (the "source database" step must run first)');
    const orders = (await status(db)).tables.find((t) => t.name === 'sales_order')?.rows ?? 0;
    const previous = await readManifest(context.home.generated);
    if (orders > 0) {
      if (previous && previous.seed === context.seed && previous.scale === context.scale) {
        return {
          headline: `data of scale ${context.scale}, seed ${context.seed} already loaded (${formatCount(orders)} orders); kept`,
        };
      }
      const what = previous ? `scale ${previous.scale}, seed ${previous.seed}` : 'data this tool did not generate';
      throw new Error(
        `the source database at ${db.displayAddress} already holds ${what}, and this pass asks for scale ${context.scale}, seed ${context.seed}. Run with --scale ${previous?.scale ?? '<the same>'} --seed ${previous?.seed ?? '<the same>'}, or start from a fresh state folder (AUTOCORP_HOME=<new folder>, or delete ${context.home.root}).`,
      );
    }
    const summary = await generate({
      seed: context.seed,
      scale: context.scale,
      out: context.home.generated,
      targets: ['postgres', 'csv'],
      pool: db.pool,
      onProgress: commandProgress(context.io),
    });
    const pgRows = Object.values(summary.tables).reduce((n, t) => n + (t?.rows ?? 0), 0);
    const csvRows = Object.entries(summary.files)
      .filter(([name]) => !name.includes('/'))
      .reduce((n, [, f]) => n + f.rows, 0);
    return {
      headline: `scale ${context.scale}, seed ${context.seed}: ${formatCount(pgRows)} rows loaded into PostgreSQL, ${formatCount(csvRows)} CSV rows written`,
      details: [
        ...Object.entries(summary.tables).map(
          ([name, t]) => `  postgres ${name.padEnd(22)} ${formatCount(t?.rows ?? 0).padStart(11)}`,
        ),
        ...Object.entries(summary.files).map(
          ([name, f]) => `  csv      ${name.padEnd(30)} ${formatCount(f.rows).padStart(11)}`,
        ),
      ],
    };
  },
};
