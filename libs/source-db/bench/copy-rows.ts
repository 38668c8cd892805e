import { migrate, openSourceDb, startThrowawayPostgres } from '../src/index';
import { copyRows } from '../src/copy-rows';
import { inTransaction } from '../src/in-transaction';

export interface CopyRowsBenchResult {
  readonly name: string;
  readonly rows: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly startSeconds: number;
  readonly migrateSeconds: number;
}

/**
 * Starts a throwaway server, migrates it, and loads `rows` customers through copyRows in one
 * transaction: measures server start, migration and COPY throughput.
 */
export async function benchCopyRows(rows = 200_000): Promise<CopyRowsBenchResult> {
  const t0 = performance.now();
  const server = await startThrowawayPostgres();
  const startSeconds = (performance.now() - t0) / 1000;
  const source = await openSourceDb({ url: server.url });
  try {
    const t1 = performance.now();
    await migrate(source);
    const migrateSeconds = (performance.now() - t1) / 1000;
    let bytes = 0;
    async function* csv(): AsyncGenerator<string> {
      const batch: string[] = [];
      for (let i = 1; i <= rows; i++) {
        batch.push(`${i},First${i},Last${i},customer${i}@example.com,555-0100,${i} Main St,Springfield,IL,62701\n`);
        if (batch.length === 1000 || i === rows) {
          const chunk = batch.join('');
          bytes += chunk.length;
          batch.length = 0;
          yield chunk;
        }
      }
    }
    const t2 = performance.now();
    const loaded = await inTransaction(source.pool, (client) =>
      copyRows(client, 'customers', ['customer_id', 'first_name', 'last_name', 'email', 'phone', 'address', 'city', 'state', 'zip_code'], csv()),
    );
    const seconds = (performance.now() - t2) / 1000;
    return { name: 'source-db copyRows customers', rows: loaded, bytes, seconds, rowsPerSecond: loaded / seconds, startSeconds, migrateSeconds };
  } finally {
    await source.close();
    await server.stop();
  }
}

export default benchCopyRows;
