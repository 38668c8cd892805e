import { DuckDBInstance } from '@duckdb/node-api';
import { HudiTable } from '@autocorp/hudi';
const home = '/tmp/q2-bench-home/lake/curated';
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
await c.run("SET TimeZone='UTC'");
const h = await HudiTable.open(`${home}/sales_order_line_items`);
await c.run(`CREATE VIEW li AS SELECT * REPLACE (make_timestamp(epoch_us(order_date)) AS order_date, make_timestamp(epoch_us(updated_at)) AS updated_at) FROM (${await h.sql({ type: 'snapshot' })})`);
const time = async (label: string, sql: string, n = 7) => {
  const ts: number[] = [];
  let out = '';
  for (let i = 0; i < n; i++) { const s = performance.now(); const r = await c.runAndReadAll(sql); out = JSON.stringify(r.getRowObjectsJson()[0]); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(20), 'p50', ts[Math.floor(n / 2)]!.toFixed(0), 'min', ts[0]!.toFixed(0), out.slice(0, 120));
};
const W = "line_type = 'part' AND order_date >= TIMESTAMP '2020-01-01' AND order_date < TIMESTAMP '2026-01-01'";
const ORDER = 'ORDER BY units_sold DESC, revenue DESC, sku LIMIT 10';
await time('A distinct 3keys', `SELECT item_code sku, item_description d, item_category c, sum(quantity) units_sold, sum(line_total) revenue, count(DISTINCT invoice_number) orders FROM li WHERE ${W} GROUP BY 1,2,3 ${ORDER}`);
await time('B no distinct', `SELECT item_code sku, item_description d, item_category c, sum(quantity) units_sold, sum(line_total) revenue, count(invoice_number) orders FROM li WHERE ${W} GROUP BY 1,2,3 ${ORDER}`);
await time('G distinct 1key', `SELECT item_code sku, min(item_description) d, min(item_category) c, sum(quantity) units_sold, sum(line_total) revenue, count(DISTINCT invoice_number) orders FROM li WHERE ${W} GROUP BY 1 ${ORDER}`);
await time('H 2phase 2key', `SELECT sku, min(d) d, min(c) c, sum(q) units_sold, sum(t) revenue, count(*) orders FROM (SELECT item_code sku, invoice_number, min(item_description) d, min(item_category) c, sum(quantity) q, sum(line_total) t FROM li WHERE ${W} GROUP BY 1,2) GROUP BY 1 ${ORDER}`);
await time('K scan cols', `SELECT count(invoice_number), count(item_code), count(item_description), count(item_category), sum(quantity), sum(line_total) FROM li WHERE ${W}`);
await time('L scan no strings', `SELECT sum(quantity), sum(line_total) FROM li WHERE ${W}`);
await time('M distinct inv', `SELECT count(DISTINCT invoice_number) FROM li WHERE ${W}`);
await time('N distinct pair', `SELECT count(*) FROM (SELECT DISTINCT item_code, invoice_number FROM li WHERE ${W})`);
await time('O line_total hugeint', `SELECT sum(line_total) FROM li`);
await time('P line_total dbl', `SELECT sum(quantity) FROM li`);
