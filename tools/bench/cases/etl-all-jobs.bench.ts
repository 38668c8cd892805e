import { allJobsBench, reuseBusiness } from '@autocorp/etl/bench';
import { type BenchCase, atMost, measured } from '../src/bench-case';

/** Target of the issue: the ten jobs from raw to curated at generator scale 1 in under 60 s. */
const TARGET_SECONDS = 60;

const etlAllJobs: BenchCase = {
  name: 'etl-all-jobs',
  description: 'all ten ETL jobs from raw to curated (generate, CDC full load and CSV transfer first, untimed)',
  async run(context) {
    const result = await allJobsBench({
      scale: context.scale,
      workDir: context.workDir,
      log: context.log,
      business: reuseBusiness(await context.dataset()),
    });
    for (const job of result.jobs) {
      const p = job.phases;
      context.log(
        `${job.job.padEnd(24)} ${job.seconds.toFixed(2).padStart(7)} s  ${job.written} rows; read ${p.read} s, transform ${p.transform} s, quality ${p.quality} s, write ${p.write} s`,
      );
    }
    return [
      atMost(`ten jobs at scale ${context.scale}`, result.seconds, 's', TARGET_SECONDS),
      ...result.jobs.map((job) => measured(`  ${job.job}`, job.seconds, 's')),
    ];
  },
};

export default etlAllJobs;
