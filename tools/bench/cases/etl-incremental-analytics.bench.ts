import { incrementalAnalyticsBench, reuseBusiness } from '@autocorp/etl/bench';
import { type BenchCase, atMost, measured } from '../src/bench-case';

/** Target of issue 13: a 10,000-change batch refreshes the three analytics tables in under 2 s together. */
const TARGET_SECONDS = 2;

const etlIncrementalAnalytics: BenchCase = {
  name: 'etl-incremental-analytics',
  description:
    'a 10,000-change CDC batch refreshing the three analytics tables incrementally, against their full rebuild in the same process',
  async run(context) {
    const r = await incrementalAnalyticsBench({
      scale: context.scale,
      workDir: context.workDir,
      log: context.log,
      business: reuseBusiness(await context.dataset()),
    });
    for (const job of r.jobs)
      context.log(
        `${job.job.padEnd(24)} ${job.units} units, ${job.written} rows written: incremental ${job.incrementalSeconds.toFixed(2)} s, full ${job.fullSeconds.toFixed(2)} s`,
      );
    if (!r.identical) throw new Error('the incremental analytics tables differ from their full rebuild');
    return [
      atMost(`three analytics jobs on ${r.changes} changes`, r.incrementalSeconds, 's', TARGET_SECONDS, {
        ratio: r.incrementalSeconds / r.fullSeconds,
        baseline: 'full rebuild',
      }),
      measured('  full rebuild of the three', r.fullSeconds, 's'),
      ...r.jobs.map((job) => measured(`  ${job.job} incremental`, job.incrementalSeconds, 's')),
    ];
  },
};

export default etlIncrementalAnalytics;
