import { copyRows, inTransaction, migrate, openSourceDb, startThrowawayPostgres } from '@autocorp/source-db';
import { type BenchCase, type BenchContext, type BenchMetric, measured } from '../src/bench-case';
import { timed } from '../src/timing';

const CUSTOMER_COLUMNS = [
  'customer_id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'address',
  'city',
  'state',
  'zip_code',
];
/** Customers streamed through copyRows at scale 1. */
const ROWS_AT_SCALE_1 = 200_000;

/** CSV lines of `rows` synthetic customers, 1,000 per chunk. */
async function* customerCsv(rows: number): AsyncGenerator<string> {
  const batch: string[] = [];
  for (let i = 1; i <= rows; i++) {
    batch.push(`${i},First${i},Last${i},customer${i}@example.com,555-0100,${i} Main St,Springfield,IL,62701\n`);
    if (batch.length === 1000 || i === rows) {
      yield batch.join('');
      batch.length = 0;
    }
  }
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  const rows = Math.max(1_000, Math.round(ROWS_AT_SCALE_1 * context.scale));
  const start = await timed(() => startThrowawayPostgres());
  const server = start.result;
  const source = await openSourceDb({ url: server.url });
  try {
    const migration = await timed(() => migrate(source));
    context.log(`copyRows of ${rows} customers in one transaction`);
    const copy = await timed(() =>
      inTransaction(source.pool, (client) => copyRows(client, 'customers', CUSTOMER_COLUMNS, customerCsv(rows))),
    );
    return [
      measured('throwaway server start (initdb + start)', start.seconds, 's'),
      measured('migrate', migration.seconds, 's'),
      measured(`copyRows of ${copy.result} customers`, copy.result / copy.seconds, 'rows/s'),
    ];
  } finally {
    await source.close();
    await server.stop();
  }
}

const sourceDbCopyCase: BenchCase = {
  name: 'source-db-copy',
  description: 'Throwaway PostgreSQL start, migration, and COPY throughput of copyRows (customers)',
  run,
};

export default sourceDbCopyCase;
