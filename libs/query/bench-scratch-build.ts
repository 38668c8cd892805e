import fs from 'node:fs/promises';
import path from 'node:path';
import { Catalog, LocalCatalogBackend, crawlCuratedHudi } from '@autocorp/catalog';
import { stateHomeAt } from '@autocorp/config';
import { createTable } from '@autocorp/hudi';
import { LocalObjectStore } from '@autocorp/lake-storage';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATASET } from './test/helpers/curated-dataset';

const home = stateHomeAt('/tmp/query-bench-home');
await fs.rm(home.root, { recursive: true, force: true });
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
const store = new LocalObjectStore(home.lake);
const scaled: Record<string, string> = {
  auto_parts: DATASET.auto_parts!.sql.replace('range(1, 31)', 'range(1, 401)').replace(/% 30 \+ 1/g, '% 400 + 1'),
  service: DATASET.service!.sql.replace('range(1, 11)', 'range(1, 111)').replace("lpad(i::VARCHAR, 3, '0')", "lpad(i::VARCHAR, 3, '0')"),
  service_parts: DATASET.service_parts!.sql.replace('range(1, 11)', 'range(1, 111)').replace('range(0, 4)', 'range(0, 20)').replace('WHERE j < i % 4', 'WHERE j < i % 20').replace('% 30 + 1', '% 400 + 1'),
  customers: DATASET.customers!.sql.replace('range(1, 51)', 'range(1, 1150)'),
  sales_order: DATASET.sales_order!.sql.replace('range(1, 301)', 'range(1, 1188679)').replace(/INTERVAL \(i \* 2\) DAY/g, 'INTERVAL (i % 2190) DAY'),
  sales_order_parts: DATASET.sales_order_parts!.sql.replace('range(1, 301)', 'range(1, 1188679)').replace('range(1, 4)', 'range(1, 3)').replace(/% 30 \+ 1/g, '% 400 + 1'),
};
for (const [name, spec] of Object.entries(DATASET)) {
  const t0 = performance.now();
  const table = await createTable({ basePath: path.join(home.curated, name), tableName: name, recordKeyFields: spec.key, precombineField: spec.precombine, partitionFields: spec.partition ?? [], hiveStylePartitioning: true });
  const result = await table.write(connection, 'bulk_insert', scaled[name]!);
  console.log(name, result.numWrites, ((performance.now() - t0) / 1000).toFixed(1), 's');
}
await crawlCuratedHudi({ store, catalog: new Catalog(new LocalCatalogBackend({ root: home.catalog })), progress: false });
console.log('done');
