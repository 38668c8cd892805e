import { generate } from '@autocorp/generator';
import { formatCount } from '@autocorp/terminal';
import type { PipelineStep } from '../pipeline-step';

/** Generates the business at the pass's scale: loads PostgreSQL (replacing what is there) and writes the CSV exports. */
export const generateStep: PipelineStep = {
  name: 'generate and load data',
  async run(context) {
    const db = context.sourceDb;
    if (!db) throw new Error('the source database is not open (the "source database" step must run first)');
    const summary = await generate({
      seed: context.seed,
      scale: context.scale,
      out: context.home.generated,
      targets: ['postgres', 'csv'],
      pool: db.pool,
      replace: true,
    });
    const pgRows = Object.values(summary.tables).reduce((n, t) => n + (t?.rows ?? 0), 0);
    const csvRows = Object.values(summary.files).reduce((n, f) => n + f.rows, 0);
    return {
      headline: `scale ${context.scale}, seed ${context.seed}: ${formatCount(pgRows)} rows loaded into PostgreSQL, ${formatCount(csvRows)} CSV rows written`,
      details: [
        ...Object.entries(summary.tables).map(([name, t]) => `  postgres ${name.padEnd(22)} ${formatCount(t?.rows ?? 0).padStart(11)}`),
        ...Object.entries(summary.files).map(([name, f]) => `  csv      ${name.padEnd(22)} ${formatCount(f.rows).padStart(11)}`),
      ],
    };
  },
};
