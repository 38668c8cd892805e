import { cdcBatchBench, reuseBusiness } from '@autocorp/etl/bench';
import { type BenchCase, atMost, measured } from '../src/bench-case';

/** Target of the issue: a CDC batch of 10,000 changes upserted into the 1.19M-order table in under 2 s. */
const TARGET_SECONDS = 2;

const etlCdcBatch: BenchCase = {
  name: 'etl-cdc-batch',
  description: 'a CDC batch of 10,000 order changes through the sales_order job into curated sales_order',
  async run(context) {
    const r = await cdcBatchBench({
      scale: context.scale,
      workDir: context.workDir,
      log: context.log,
      business: reuseBusiness(await context.dataset()),
    });
    context.log(
      `${r.changes} changes into ${r.tableRows} rows: +${r.counts.inserted} ~${r.counts.updated} -${r.counts.deleted}`,
    );
    return [
      atMost(`sales_order job on ${r.changes} changes`, r.seconds, 's', TARGET_SECONDS),
      measured('  of which Hudi writes', r.writeSeconds, 's'),
    ];
  },
};

export default etlCdcBatch;
