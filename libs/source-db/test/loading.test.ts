import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SourceDb,
  SourceDbError,
  type ThrowawayPostgres,
  copyRows,
  inTransaction,
  migrate,
  openSourceDb,
  startThrowawayPostgres,
} from '../src/index';

let server: ThrowawayPostgres;
let source: SourceDb;

const PART_COLUMNS = ['sku', 'description', 'category', 'manufacturer', 'price', 'stock_quantity'];

beforeAll(async () => {
  server = await startThrowawayPostgres();
  source = await openSourceDb({ url: server.url });
  await migrate(source);
});

afterAll(async () => {
  await source?.close();
  await server?.stop();
});

async function count(table: string): Promise<number> {
  const { rows } = await source.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
  return Number(rows[0]?.n);
}

async function* chunks(...parts: string[]): AsyncGenerator<string> {
  for (const part of parts) yield part;
}

describe('copyRows', () => {
  it('loads CSV text split at arbitrary points, quoting included', async () => {
    const client = await source.pool.connect();
    try {
      const loaded = await copyRows(
        client,
        'auto_parts',
        PART_COLUMNS,
        chunks('P-1,"Wiper, front",Wipers,Bosch,12.5', '0,4\nP-2,"Oil ""5W-30""",Oil,Mobil,30.00,', '7\n'),
      );
      expect(loaded).toBe(2);
    } finally {
      client.release();
    }
    const { rows } = await source.pool.query(
      'SELECT sku, description, price, stock_quantity FROM auto_parts ORDER BY sku',
    );
    expect(rows).toEqual([
      { sku: 'P-1', description: 'Wiper, front', price: '12.50', stock_quantity: 4 },
      { sku: 'P-2', description: 'Oil "5W-30"', price: '30.00', stock_quantity: 7 },
    ]);
  });

  it('skips a header line when told, and takes Buffers', async () => {
    const loaded = await inTransaction(source.pool, (client) =>
      copyRows(
        client,
        'auto_parts',
        PART_COLUMNS,
        [Buffer.from('sku,description,category,manufacturer,price,stock_quantity\nP-3,Filter,Filters,Mann,8.00,2\n')],
        {
          header: true,
        },
      ),
    );
    expect(loaded).toBe(1);
    expect(await count('auto_parts')).toBe(3);
  });

  it('loads many rows through a generator with backpressure', async () => {
    async function* many(): AsyncGenerator<string> {
      for (let i = 0; i < 20_000; i++) yield `${i + 1},First${i},Last${i},c${i}@example.com,,,,TX,\n`;
    }
    const loaded = await inTransaction(source.pool, (client) =>
      copyRows(
        client,
        'customers',
        ['customer_id', 'first_name', 'last_name', 'email', 'phone', 'address', 'city', 'state', 'zip_code'],
        many(),
      ),
    );
    expect(loaded).toBe(20_000);
    expect(await count('customers')).toBe(20_000);
  });

  it('rolls the whole transaction back when a copy fails, naming the table and line', async () => {
    const before = await count('auto_parts');
    const failure = await inTransaction(source.pool, async (client) => {
      await client.query(
        `INSERT INTO service (serviceid, service, category, labor_minutes, labor_rate, labor_cost) VALUES ('S-1', 'Oil change', 'Oil', 30, 80, 40)`,
      );
      await copyRows(
        client,
        'auto_parts',
        PART_COLUMNS,
        chunks('P-10,Bulb,Lights,Osram,3.00,1\n', 'P-11,Bulb,Lights,Osram,-3.00,1\n'),
      );
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceDbError);
    expect((failure as SourceDbError).kind).toBe('copy-failed');
    expect((failure as SourceDbError).message).toMatch(/auto_parts.*auto_parts_price_positive/s);
    expect((failure as SourceDbError).message).toMatch(/line 2/);
    expect(await count('auto_parts')).toBe(before);
    expect(await count('service')).toBe(0);
  });

  it('aborts the copy and rolls back when the source itself throws', async () => {
    const before = await count('auto_parts');
    async function* broken(): AsyncGenerator<string> {
      yield 'P-20,Bulb,Lights,Osram,3.00,1\n';
      throw new Error('generator ran out of ideas');
    }
    const failure = await inTransaction(source.pool, (client) =>
      copyRows(client, 'auto_parts', PART_COLUMNS, broken()),
    ).catch((error: unknown) => error);
    expect((failure as SourceDbError).kind).toBe('copy-failed');
    expect((failure as SourceDbError).message).toMatch(/generator ran out of ideas/);
    expect(await count('auto_parts')).toBe(before);
    // The pool's clients are still usable afterwards.
    const again = await inTransaction(source.pool, (client) =>
      copyRows(client, 'auto_parts', PART_COLUMNS, chunks('P-21,Bulb,Lights,Osram,3.00,1\n')),
    );
    expect(again).toBe(1);
  });
});

describe('inTransaction', () => {
  it('commits and returns the result of fn', async () => {
    const result = await inTransaction(source.pool, async (client) => {
      await client.query(
        `INSERT INTO service (serviceid, service, category, labor_minutes, labor_rate, labor_cost) VALUES ('S-2', 'Rotation', 'Tires', 20, 60, 20)`,
      );
      return 'done';
    });
    expect(result).toBe('done');
    expect(await count('service')).toBe(1);
  });

  it('rolls back and rethrows the error of fn', async () => {
    const error = new Error('stop here');
    await expect(
      inTransaction(source.pool, async (client) => {
        await client.query(
          `INSERT INTO service (serviceid, service, category, labor_minutes, labor_rate, labor_cost) VALUES ('S-3', 'Align', 'Tires', 40, 60, 40)`,
        );
        throw error;
      }),
    ).rejects.toBe(error);
    expect(await count('service')).toBe(1);
  });
});

describe('connection errors', () => {
  it('reports a wrong password as auth-failed, naming the address and not the password', async () => {
    const url = new URL(server.url);
    url.password = 'not-the-password';
    const failure = await openSourceDb({ url: url.toString() }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceDbError);
    expect((failure as SourceDbError).kind).toBe('auth-failed');
    expect((failure as SourceDbError).message).toContain(`127.0.0.1:${server.port}/postgres`);
    expect((failure as SourceDbError).message).not.toContain('not-the-password');
  });

  it('reports a database that does not exist as database-missing', async () => {
    const failure = await openSourceDb({ env: { DATABASE_URL: server.url.replace(/\/postgres$/, '/nope') } }).catch(
      (error: unknown) => error,
    );
    expect((failure as SourceDbError).kind).toBe('database-missing');
    expect((failure as SourceDbError).message).toMatch(/nope/);
  });
});
