import { DuckDBInstance } from '@duckdb/node-api';
import { HudiTable } from '@autocorp/hudi';
const home = '/tmp/q2-bench-home/lake/curated';
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
const h = await HudiTable.open(`${home}/sales_order_line_items`);
await c.run(`CREATE VIEW li AS SELECT * REPLACE (make_timestamp(epoch_us(order_date)) AS order_date) FROM (${await h.sql({ type: 'snapshot' })})`);
const q = (agg: string, keys = 'item_code sku, item_description d, item_category c', gb = '1,2,3') => `SELECT ${keys}, sum(quantity) units_sold, sum(line_total) revenue, ${agg} orders FROM li WHERE line_type = 'part' AND order_date >= TIMESTAMP '2020-01-01' AND order_date < TIMESTAMP '2026-01-01' GROUP BY ${gb} ORDER BY units_sold DESC, revenue DESC, sku LIMIT 10`;
const variants: Record<string, string> = {
  distinct: q('count(DISTINCT invoice_number)'),
  distinct_hash: q('count(DISTINCT hash(invoice_number))'),
  list_distinct: q('len(list_distinct(list(invoice_number)))'),
  distinct_1key: q('count(DISTINCT invoice_number)', 'item_code sku', '1'),
  global_distinct: `SELECT count(DISTINCT invoice_number) FROM li WHERE line_type = 'part'`,
  pairs_distinct: `SELECT count(*) FROM (SELECT DISTINCT item_code, invoice_number FROM li WHERE line_type = 'part')`,
  count: q('count(invoice_number)'),
};
const times: Record<string, number[]> = {};
for (let i = 0; i < 3; i++) for (const [k, sql] of Object.entries(variants)) { const s = performance.now(); await c.runAndReadAll(sql); (times[k] ??= []).push(performance.now() - s); }
for (const [k, t] of Object.entries(times)) { t.sort((a, b) => a - b); console.log(k.padEnd(16), 'min', t[0]!.toFixed(0), 'p50', t[1]!.toFixed(0)); }
