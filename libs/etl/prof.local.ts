import { EtlDuckDb } from './src/duckdb/etl-duckdb';
import { runJobs } from './src/run/run-jobs';
import { openObjectStore } from '@autocorp/lake-storage';

const stats = new Map<string, { n: number; ms: number }>();
const add = (k: string, ms: number) => {
  const s = stats.get(k) ?? { n: 0, ms: 0 };
  s.n++; s.ms += ms; stats.set(k, s);
};
for (const m of ['run', 'rows', 'count'] as const) {
  const orig = (EtlDuckDb.prototype as any)[m];
  (EtlDuckDb.prototype as any)[m] = async function (sql: string) {
    const t = performance.now();
    try { return await orig.call(this, sql); } finally {
      add('sql:' + sql.replace(/\s+/g, ' ').slice(0, 70), performance.now() - t);
    }
  };
}
const store: any = openObjectStore(process.argv[2]!);
for (const m of Object.getOwnPropertyNames(Object.getPrototypeOf(store))) {
  if (m === 'constructor' || typeof store[m] !== 'function') continue;
  const orig = store[m].bind(store);
  store[m] = (...a: unknown[]) => { const t = performance.now(); const r = orig(...a); if (r && typeof r.then === 'function') return r.finally(() => add('store:' + m, performance.now() - t)); return r; };
}
for await (const _ of store.list('')) void _;
stats.clear();
const t0 = performance.now();
const reports = await runJobs({ store });
console.log('total', Math.round(performance.now() - t0));
for (const r of reports) console.log(r.job, r.status, r.timings, r.counts.written);
const sorted = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 45);
for (const [k, s] of sorted) console.log(String(Math.round(s.ms)).padStart(6), String(s.n).padStart(5), k);
