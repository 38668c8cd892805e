import { DuckDBInstance } from '@duckdb/node-api';
import { HudiTable } from '@autocorp/hudi';
const home = '/tmp/q2-bench-home/lake/curated';
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
await c.run("SET TimeZone='UTC'");
console.log(JSON.stringify((await c.runAndReadAll('select version() v')).getRowObjectsJson()));
const h = await HudiTable.open(`${home}/sales_order_line_items`);
let s = performance.now();
await c.run(`CREATE TABLE li AS SELECT invoice_number, line_type, item_code, item_description, item_category, quantity, line_total, make_timestamp(epoch_us(order_date)) AS order_date FROM (${await h.sql({ type: 'snapshot' })})`);
console.log('load', (performance.now() - s).toFixed(0));
const time = async (label: string, sql: string, n = 7) => {
  const ts: number[] = [];
  let out = '';
  for (let i = 0; i < n; i++) { const s = performance.now(); const r = await c.runAndReadAll(sql); out = JSON.stringify(r.getRowObjectsJson()[0]); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(20), 'p50', ts[Math.floor(n / 2)]!.toFixed(0), 'min', ts[0]!.toFixed(0), out.slice(0, 120));
};
const W = "line_type = 'part' AND order_date >= TIMESTAMP '2020-01-01' AND order_date < TIMESTAMP '2026-01-01'";
const ORDER = 'ORDER BY units_sold DESC, revenue DESC, sku LIMIT 10';
await time('A native', `SELECT item_code sku, item_description d, item_category c, sum(quantity) units_sold, sum(line_total) revenue, count(DISTINCT invoice_number) orders FROM li WHERE ${W} GROUP BY 1,2,3 ${ORDER}`);
await time('B native nodist', `SELECT item_code sku, item_description d, item_category c, sum(quantity) units_sold, sum(line_total) revenue, count(invoice_number) orders FROM li WHERE ${W} GROUP BY 1,2,3 ${ORDER}`);
await time('M native', `SELECT count(DISTINCT invoice_number) FROM li WHERE ${W}`);
