import { status } from '@autocorp/source-db';
import { formatCount } from '@autocorp/terminal';
import type { PipelineStep } from '../pipeline/pipeline-step';
import { generateStep } from '../pipeline/steps/generate-step';

/**
 * `up` generates only into an empty source database: a database that holds orders is kept as it is
 * (whatever scale made it, and whatever changes were written to it since), so a restart never
 * regenerates or reloads.
 */
export const generateIfEmptyStep: PipelineStep = {
  name: 'generate data when the database is empty',
  async run(context) {
    const db = context.sourceDb;
    if (!db) throw new Error('the source database is not open (the "source database" step must run first)');
    const orders = (await status(db)).tables.find((t) => t.name === 'sales_order')?.rows ?? 0;
    if (orders > 0) return { headline: `source database holds ${formatCount(orders)} orders; kept (no generation)` };
    return generateStep.run(context);
  },
};
