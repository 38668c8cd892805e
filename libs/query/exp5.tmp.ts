import { DuckDBInstance } from '@duckdb/node-api';
import { HudiTable } from '@autocorp/hudi';
const home = '/tmp/q2-bench-home/lake/curated';
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
await c.run("SET TimeZone='UTC'");
const h = await HudiTable.open(`${home}/sales_order_line_items`);
const base = await h.sql({ type: 'snapshot' });
await c.run(`CREATE VIEW v_tz AS ${base}`);
await c.run(`CREATE VIEW v_naive AS SELECT * REPLACE (make_timestamp(epoch_us(order_date)) AS order_date, make_timestamp(epoch_us(updated_at)) AS updated_at) FROM (${base})`);
const q = (v: string, agg: string) => `SELECT item_code sku, item_description d, item_category c, sum(quantity) units_sold, sum(line_total) revenue, ${agg} orders FROM ${v} WHERE line_type = 'part' AND order_date >= TIMESTAMP '2020-01-01' AND order_date < TIMESTAMP '2026-01-01' GROUP BY 1,2,3 ORDER BY units_sold DESC, revenue DESC, sku LIMIT 10`;
const variants: Record<string, string> = {
  tz_distinct: q('v_tz', 'count(DISTINCT invoice_number)'),
  naive_distinct: q('v_naive', 'count(DISTINCT invoice_number)'),
  tz_count: q('v_tz', 'count(invoice_number)'),
  naive_count: q('v_naive', 'count(invoice_number)'),
};
const times: Record<string, number[]> = {};
for (let i = 0; i < 5; i++) for (const [k, sql] of Object.entries(variants)) { const s = performance.now(); await c.runAndReadAll(sql); (times[k] ??= []).push(performance.now() - s); }
for (const [k, t] of Object.entries(times)) { t.sort((a, b) => a - b); console.log(k.padEnd(16), 'min', t[0]!.toFixed(0), 'p50', t[2]!.toFixed(0)); }
