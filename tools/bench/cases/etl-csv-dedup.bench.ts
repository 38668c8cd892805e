import { csvDedupBench, reuseBusiness } from '@autocorp/etl/bench';
import { type BenchCase, atMost, measured } from '../src/bench-case';

/** Target of the issue: the ETL's CSV dedup-upsert at most 1.5 times plain DuckDB's dedup into one Parquet file. */
const TARGET_RATIO = 1.5;

const etlCsvDedup: BenchCase = {
  name: 'etl-csv-dedup',
  description:
    'sales_order from the CSV export (rules, quarantine, dedup, Hudi upsert) vs plain DuckDB dedup into one Parquet file',
  async run(context) {
    const r = await csvDedupBench({
      scale: context.scale,
      workDir: context.workDir,
      log: context.log,
      business: reuseBusiness(await context.dataset()),
    });
    context.log(`${r.csvRows} CSV rows; ETL kept ${r.etlRows} invoices, plain DuckDB ${r.duckdbRows}`);
    return [
      atMost('ETL / plain DuckDB', r.ratio, 'x', TARGET_RATIO, {
        ratio: r.ratio,
        baseline: `plain DuckDB ${r.duckdbSeconds.toFixed(2)} s`,
      }),
      measured('ETL sales_order (CSV)', r.etlSeconds, 's'),
      measured('plain DuckDB dedup', r.duckdbSeconds, 's'),
    ];
  },
};

export default etlCsvDedup;
