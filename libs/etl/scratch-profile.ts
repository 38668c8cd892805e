import { generatedLake } from './bench/generated-lake';
import { EtlDuckDb, runJobs } from './src/index';
import { jobByName, csvTextViewName } from '@autocorp/etl-jobs';
import { loadCsvSource } from './src/raw/load-csv-source';
import { loadDatabaseSource } from './src/raw/load-database-source';
import { selectCsvFiles, selectDatabaseFiles } from './src/raw/list-raw-files';
import { readCommittedPosition } from './src/raw/cdc-position';
const lake = await generatedLake({ scale: 0.1, log: console.log });
try {
  await runJobs({ store: lake.store, progress: false, jobs: ['sales_order'] });
  const db = await EtlDuckDb.open();
  const job = jobByName('sales_order_parts');
  const committed = await readCommittedPosition(lake.store, 'autocorp_cdc');
  const time = async (label: string, f: () => Promise<unknown>) => { const t = performance.now(); await f(); console.log(label, (performance.now() - t).toFixed(0), 'ms'); };
  for (const s of job.sources) {
    if (s.kind === 'database') await time(`load ${s.view}`, async () => loadDatabaseSource(db, lake.store, s, (await selectDatabaseFiles(lake.store, s.table, committed)).files));
    if (s.kind === 'csv') await time(`load ${s.view}`, async () => loadCsvSource(db, lake.store, s, (await selectCsvFiles(lake.store, s.table)).files));
  }
  await db.run(`CREATE TEMP TABLE ref_auto_parts AS SELECT 1`);
  await time('count csv typed', () => db.count('SELECT count(*) FROM (SELECT * FROM csv_sales_order_parts)'));
  await time('csv typed table', () => db.run('CREATE TEMP TABLE x1 AS SELECT * FROM csv_sales_order_parts'));
  await time('pg lines table', () => db.run('CREATE TEMP TABLE x2 AS SELECT * FROM pg_sales_order_parts'));
  await time('pg history table', () => db.run('CREATE TEMP TABLE x3 AS SELECT * FROM pg_sales_order_history'));
  await time('transform table', () => db.run(`CREATE TEMP TABLE x4 AS ${job.transformSql}`));
  await time('transform table + rownum', () => db.run(`CREATE TEMP TABLE x5 AS SELECT row_number() OVER () AS _row_id, * FROM (${job.transformSql})`));
  await time('transform no raw', () => db.run(`CREATE TEMP TABLE x6 AS SELECT * EXCLUDE (_raw_row) FROM (${job.transformSql})`));
  await db.close();
} finally {
  await lake.close();
}
