import type pg from 'pg';

export interface CustomerWorkload {
  /** Operations committed so far. */
  readonly operations: number;
  /** Stops after the operation under way; resolves with the number of operations. */
  stop(): Promise<number>;
}

/**
 * Sequential inserts, updates and deletes of customers on one connection, until stopped:
 * new customers get ids from `firstId` up; only those are deleted (no orders refer to them).
 * Every choice comes from `random` (seed it: see seeded-random.ts).
 */
export function startCustomerWorkload(
  pool: pg.Pool,
  firstId: number,
  existingIds: number,
  random: () => number,
): CustomerWorkload {
  let running = true;
  let operations = 0;
  const done = (async () => {
    const client = await pool.connect();
    try {
      let nextId = firstId;
      const live: number[] = [];
      while (running) {
        const roll = random();
        if (roll < 0.4 || live.length === 0) {
          await client.query(
            `INSERT INTO customers (customer_id, first_name, last_name, email, state, city) VALUES ($1, 'W', 'Load', $2, 'NY', 'Start')`,
            [nextId, `w${nextId}@example.com`],
          );
          live.push(nextId++);
        } else if (roll < 0.8) {
          const id =
            random() < 0.5
              ? (live[Math.floor(random() * live.length)] as number)
              : 1 + Math.floor(random() * existingIds);
          await client.query(`UPDATE customers SET city = $2, updated_at = clock_timestamp() WHERE customer_id = $1`, [
            id,
            `City-${operations}`,
          ]);
        } else if (roll < 0.9) {
          const id = live.splice(Math.floor(random() * live.length), 1)[0] as number;
          await client.query(`DELETE FROM customers WHERE customer_id = $1`, [id]);
        } else {
          // A transaction of several changes, one of them to a row it inserted itself.
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO customers (customer_id, first_name, last_name, email, state) VALUES ($1, 'T', 'Txn', $2, 'CA')`,
            [nextId, `t${nextId}@example.com`],
          );
          await client.query(`UPDATE customers SET last_name = 'Txn2' WHERE customer_id = $1`, [nextId]);
          await client.query(`UPDATE customers SET phone = '555' WHERE customer_id = $1`, [
            1 + Math.floor(random() * existingIds),
          ]);
          await client.query('COMMIT');
          live.push(nextId++);
        }
        operations += 1;
      }
    } finally {
      client.release();
    }
    return operations;
  })();
  return {
    get operations() {
      return operations;
    },
    async stop() {
      running = false;
      return done;
    },
  };
}
