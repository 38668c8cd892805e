import pg from 'pg';

/** customer_id of the first bench row; far above any generated customer. */
export const BENCH_CUSTOMER_BASE = 900_000_000;

/**
 * Inserts customers at a steady `changesPerSecond` for `seconds`: every 10 ms a transaction of
 * `changesPerSecond / 100` rows, each scheduled against the start time so a slow one is caught up.
 * Returns the rows inserted (ids from BENCH_CUSTOMER_BASE on).
 */
export async function insertCustomersSteadily(
  connection: pg.ClientConfig,
  changesPerSecond: number,
  seconds: number,
): Promise<number> {
  const perTransaction = Math.max(1, Math.round(changesPerSecond / 100));
  const client = new pg.Client(connection);
  client.on('error', () => undefined);
  await client.connect();
  let inserted = 0;
  try {
    const t0 = Date.now();
    for (let tick = 0; tick < seconds * 100; tick++) {
      const wait = t0 + tick * 10 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const values = Array.from({ length: perTransaction }, (_, i) => {
        const id = BENCH_CUSTOMER_BASE + inserted + i;
        return `(${id}, 'Bench', 'Latency', 'bench${id}@latency.example', 'NY')`;
      }).join(', ');
      await client.query(`INSERT INTO customers (customer_id, first_name, last_name, email, state) VALUES ${values}`);
      inserted += perTransaction;
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return inserted;
}

/** Removes what insertCustomersSteadily added. */
export async function deleteBenchCustomers(pool: pg.Pool): Promise<void> {
  await pool.query('DELETE FROM customers WHERE customer_id >= $1', [BENCH_CUSTOMER_BASE]);
}
