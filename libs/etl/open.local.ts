import { EtlDuckDb } from './src/duckdb/etl-duckdb';
for (let i = 0; i < 3; i++) { const t = performance.now(); const db = await EtlDuckDb.open(); const t2 = performance.now(); await db.close(); console.log('open', Math.round(t2 - t), 'close', Math.round(performance.now() - t2)); }
