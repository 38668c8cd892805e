import { generatedLake } from './bench/generated-lake';
import { runJobs } from './src/index';
const scale = Number(process.argv[2] ?? 0.1);
const lake = await generatedLake({ scale, log: console.log });
try {
  const t1 = performance.now();
  const reports = await runJobs({ store: lake.store, progress: false });
  console.log('etl total', ((performance.now() - t1) / 1000).toFixed(1));
  for (const r of reports) console.log(r.job.padEnd(24), r.status, JSON.stringify(r.timings), r.counts.written);
} finally {
  await lake.close();
}
