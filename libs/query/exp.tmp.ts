import { DuckDBInstance } from '@duckdb/node-api';
import { HudiTable } from '@autocorp/hudi';
const home = '/tmp/q2-bench-home/lake/curated';
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
await c.run("SET TimeZone='UTC'");
for (const t of ['sales_order_line_items', 'sales_order', 'sales_order_fact']) {
  const h = await HudiTable.open(`${home}/${t}`);
  await c.run(`CREATE VIEW ${t} AS ${await h.sql({ type: 'snapshot' })}`);
}
const time = async (label: string, sql: string, n = 5) => {
  const ts: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) { const s = performance.now(); const r = await c.runAndReadAll(sql); rows = r.currentRowCount; ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(34), 'p50', ts[Math.floor(n / 2)]!.toFixed(0), 'min', ts[0]!.toFixed(0), 'rows', rows);
};
const args = process.argv.slice(2);
if (args[0]) await c.run(args[0]);
await time('count lines', 'SELECT count(*), count(*) FILTER (WHERE line_type = \'part\') FROM sales_order_line_items');
const where = "li.line_type = 'part' AND li.order_date >= TIMESTAMP '2020-01-01 00:00:00' AND li.order_date < TIMESTAMP '2026-01-01 00:00:00'";
await time('A current', `SELECT li.item_code AS sku, li.item_description AS description, li.item_category AS category, sum(li.quantity) AS units_sold, sum(li.line_total) AS revenue, count(DISTINCT li.invoice_number) AS orders FROM sales_order_line_items li WHERE ${where} GROUP BY 1,2,3 ORDER BY units_sold DESC, revenue DESC, sku LIMIT 10`);
await time('B no distinct', `SELECT li.item_code AS sku, li.item_description AS description, li.item_category AS category, sum(li.quantity) AS units_sold, sum(li.line_total) AS revenue, count(li.invoice_number) AS orders FROM sales_order_line_items li WHERE ${where} GROUP BY 1,2,3 ORDER BY units_sold DESC, revenue DESC, sku LIMIT 10`);
await time('C two-phase', `SELECT sku, description, category, sum(q) AS units_sold, sum(t) AS revenue, count(*) AS orders FROM (SELECT li.item_code AS sku, li.item_description AS description, li.item_category AS category, li.invoice_number, sum(li.quantity) q, sum(li.line_total) t FROM sales_order_line_items li WHERE ${where} GROUP BY ALL) GROUP BY 1,2,3 ORDER BY units_sold DESC, revenue DESC, sku LIMIT 10`);
await time('D scan only', `SELECT count(li.invoice_number), sum(li.quantity), sum(li.line_total), count(li.item_description), count(li.item_category), count(li.item_code) FROM sales_order_line_items li WHERE ${where}`);
await time('E revenue month', `SELECT CAST(date_trunc('month', so.order_date) AS DATE) AS month, so.order_type, count(*) AS orders, sum(so.total_amount) AS revenue FROM sales_order so WHERE so.order_date >= TIMESTAMP '2020-01-01 00:00:00' AND so.order_date < TIMESTAMP '2026-01-01 00:00:00' GROUP BY date_trunc('month', so.order_date), so.order_type ORDER BY 1, 2`);
await time('F aov', `SELECT payment_method, count(*), round(avg(total_amount), 2), sum(total_amount) FROM sales_order so WHERE so.order_date >= TIMESTAMP '2020-01-01 00:00:00' AND so.order_date < TIMESTAMP '2026-01-01 00:00:00' GROUP BY 1`);
