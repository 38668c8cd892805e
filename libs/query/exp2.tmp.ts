import { DuckDBInstance } from '@duckdb/node-api';
import { HudiTable } from '@autocorp/hudi';
const home = '/tmp/q2-bench-home/lake/curated';
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
await c.run("SET TimeZone='UTC'");
for (const t of ['sales_order_line_items', 'sales_order', 'sales_order_fact', 'sales_order_parts']) {
  const h = await HudiTable.open(`${home}/${t}`);
  await c.run(`CREATE VIEW ${t} AS ${await h.sql({ type: 'snapshot' })}`);
}
const time = async (label: string, sql: string, n = 7) => {
  const ts: number[] = [];
  let out = '';
  for (let i = 0; i < n; i++) { const s = performance.now(); const r = await c.runAndReadAll(sql); out = JSON.stringify(r.getRowObjectsJson()[0]); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(34), 'p50', ts[Math.floor(n / 2)]!.toFixed(0), 'min', ts[0]!.toFixed(0), out.slice(0, 150));
};
for (const [label, sql] of JSON.parse(process.argv[2] ?? '[]') as [string, string][]) await time(label, sql);
