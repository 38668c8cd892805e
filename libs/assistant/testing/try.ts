import { Catalog, LocalCatalogBackend } from '@autocorp/catalog';
import { DuckDbExecutor } from '@autocorp/query';
import { createAssistant } from '../src/index';
const catalog = new Catalog(new LocalCatalogBackend({ root: '/tmp/autocorp-assistant-lake-4c4e1e71-2f15-46d2-90e3-679af6c53b4b/catalog' }));
const executor = new DuckDbExecutor({ catalog });
let t = performance.now();
const a = await createAssistant({ executor });
console.log('kb', a.kb.documents.length, (performance.now() - t).toFixed(0), 'ms');
let conv: string | undefined;
for (const q of process.argv.slice(2)) {
  t = performance.now();
  const keep = q.startsWith('+');
  const r = await a.ask(keep ? q.slice(1) : q, keep && conv ? { conversationId: conv } : {});
  conv = r.conversationId;
  console.log('\n> ' + q, (performance.now() - t).toFixed(0) + 'ms', r.answer.outcome, JSON.stringify(r.answer.timeRange ?? null));
  console.log(r.answer.text.slice(0, 700));
  console.log('  sql:', r.answer.sql.length, 'cites:', r.answer.citations.length, 'rows:', r.answer.table?.rows.length, JSON.stringify(r.answer.chart ?? null));
}
await executor.close();
