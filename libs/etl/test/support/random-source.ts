import type { Random } from '@autocorp/generator';
import type { DuckDBConnection } from '@duckdb/node-api';
import { COLUMNS, type LakeFolder, cdcFileName, writeCdcPosition, writeDmsFile } from '../raw-fixture';

type Table = keyof typeof COLUMNS;
type Values = Record<string, string | number | null>;
type Change = { op: 'I' | 'U' | 'D'; row: Values };

const STATES = ['TX', 'CA', 'NY', 'FL', 'WA', 'PR'];
const CATEGORIES = ['Brakes', 'HVAC', 'Engine & Powertrain', 'Electrical System'];
const LABOR_RATES = [90, 120, 150];
const STATUSES = ['Completed', 'Pending', 'Cancelled', 'Refunded', 'In Progress'];
const PAYMENTS = ['Cash', 'Credit Card', 'Debit Card'];

const sql = (v: string | number | null): string =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;

/**
 * A small source database held in memory that makes seeded random changes (inserts, updates and
 * deletes of every table: part price changes, customer state changes, order and line deletes, an
 * order moving year) and writes each round as DMS CDC files in a raw zone, committed by the CDC position.
 */
export class RandomSource {
  private readonly rows = new Map<Table, Map<string, Values>>();
  private readonly pick: <T>(items: readonly T[]) => T;
  private readonly random: () => number;
  private lsn = 0x1000;
  private nextId = 1;
  private clock = Date.parse('2025-01-01T00:00:00Z');
  /** Kinds of change made so far, counted (the test checks that every kind happened). */
  readonly made = new Map<string, number>();

  /** `random`: the generator's seeded Random (the caller prints its seed). */
  constructor(random: Random) {
    this.random = () => random.next();
    for (const table of Object.keys(COLUMNS) as Table[]) this.rows.set(table, new Map());
    this.pick = (items) => items[Math.floor(this.random() * items.length)] as (typeof items)[number];
  }

  private table(name: Table): Map<string, Values> {
    return this.rows.get(name) as Map<string, Values>;
  }

  private now(): string {
    this.clock += 1000 + Math.floor(this.random() * 60_000);
    return new Date(this.clock).toISOString().replace('T', ' ').replace('Z', '');
  }

  private money(max: number): number {
    return Math.round((1 + this.random() * max) * 100) / 100;
  }

  /** One round of `count` random changes, written as one CDC file per table, then committed. */
  async round(connection: DuckDBConnection, lake: LakeFolder, count: number): Promise<void> {
    const changes = new Map<Table, Change[]>();
    const put = (table: Table, op: Change['op'], row: Values, kind: string) => {
      if (op === 'D') this.table(table).delete(keyOf(table, row));
      else this.table(table).set(keyOf(table, row), row);
      (changes.get(table) ?? changes.set(table, []).get(table))?.push({ op, row: { ...row } });
      this.made.set(kind, (this.made.get(kind) ?? 0) + 1);
    };
    for (let i = 0; i < count; i++) this.change(put);
    await this.write(connection, lake, changes);
  }

  private change(put: (table: Table, op: Change['op'], row: Values, kind: string) => void): void {
    const all = (t: Table) => [...this.table(t).values()];
    const parts = all('auto_parts');
    const services = all('service');
    const customers = all('customers');
    const orders = all('sales_order');
    const roll = this.random();
    const now = this.now();
    if (parts.length < 6 || roll < 0.06) {
      const sku = `P${this.nextId++}`;
      put(
        'auto_parts',
        'I',
        {
          sku,
          description: `Part ${sku}`,
          category: this.pick(CATEGORIES),
          manufacturer: 'Acme',
          price: this.money(90),
          stock_quantity: 5,
          created_at: now,
          updated_at: now,
        },
        'part insert',
      );
    } else if (services.length < 3 || roll < 0.1) {
      const id = `S${this.nextId++}`;
      const minutes = 30 + 2 * Math.floor(this.random() * 45);
      const rate = this.pick(LABOR_RATES);
      put(
        'service',
        'I',
        {
          serviceid: id,
          service: `Service ${id}`,
          category: 'Brakes',
          labor_minutes: minutes,
          labor_rate: rate,
          labor_cost: (rate * minutes) / 60,
          created_at: now,
          updated_at: now,
        },
        'service insert',
      );
    } else if (customers.length < 4 || roll < 0.14) {
      const id = this.nextId++;
      put(
        'customers',
        'I',
        {
          customer_id: id,
          first_name: 'F',
          last_name: `L${id}`,
          email: `c${id}@example.com`,
          phone: null,
          address: null,
          city: 'Town',
          state: this.pick(STATES),
          zip_code: '00001',
          created_at: now,
          updated_at: now,
        },
        'customer insert',
      );
    } else if (roll < 0.2) {
      const p = this.pick(parts);
      put(
        'auto_parts',
        'U',
        {
          ...p,
          price: this.money(90),
          ...(this.random() < 0.3 ? { description: `Part ${String(p['sku'])} v${this.nextId++}` } : {}),
          updated_at: now,
        },
        'part price change',
      );
    } else if (roll < 0.25) {
      put(
        'customers',
        'U',
        { ...this.pick(customers), state: this.pick(STATES), updated_at: now },
        'customer state change',
      );
    } else if (roll < 0.28) {
      const service = this.pick(services);
      const rate = this.pick(LABOR_RATES);
      const labor = { labor_rate: rate, labor_cost: (rate * Number(service['labor_minutes'])) / 60 };
      put('service', 'U', { ...service, ...labor, updated_at: now }, 'service change');
    } else if (roll < 0.34) {
      const existing = all('service_parts');
      const s = this.pick(services);
      const p = this.pick(parts);
      const row = this.table('service_parts').get(`${String(s['serviceid'])}|${String(p['sku'])}`);
      if (row && this.random() < 0.5) put('service_parts', 'D', row, 'service part delete');
      else
        put(
          'service_parts',
          row ? 'U' : 'I',
          {
            ...(row ?? { serviceid: s['serviceid'] ?? null, sku: p['sku'] ?? null, created_at: now }),
            quantity: 1 + Math.floor(this.random() * 4),
            updated_at: now,
          },
          'service part upsert',
        );
      if (existing.length > 0 && this.random() < 0.2) {
        const used = new Set([...all('service_parts'), ...all('sales_order_parts')].map((r) => r['sku']));
        const unused = parts.filter((x) => !used.has(x['sku']));
        if (unused.length > 0) put('auto_parts', 'D', this.pick(unused), 'part delete');
      }
    } else if (orders.length < 5 || roll < 0.55) {
      const orderId = this.nextId++;
      const year = 2023 + Math.floor(this.random() * 3);
      put(
        'sales_order',
        'I',
        {
          order_id: orderId,
          customer_id: this.pick(customers)['customer_id'] ?? 1,
          order_date: `${year}-0${1 + Math.floor(this.random() * 9)}-15 10:00:00`,
          invoice_number: `INV-P-${String(orderId).padStart(6, '0')}`,
          payment_method: this.pick(PAYMENTS),
          subtotal: 100,
          tax: 1.5,
          total_amount: 101.5,
          order_type: 'Mixed',
          status: this.pick(STATUSES),
          notes: null,
          created_at: now,
          updated_at: now,
        },
        'order insert',
      );
      for (let n = 1 + Math.floor(this.random() * 3); n > 0; n--) this.addLine(put, orderId, now);
    } else if (roll < 0.65) {
      const o = this.pick(orders);
      const moved: Values =
        this.random() < 0.3 ? { order_date: `${2020 + Math.floor(this.random() * 6)}-06-15 10:00:00` } : {};
      put(
        'sales_order',
        'U',
        {
          ...o,
          status: this.pick(STATUSES),
          customer_id: this.random() < 0.2 ? (this.pick(customers)['customer_id'] ?? 1) : (o['customer_id'] ?? 1),
          ...moved,
          updated_at: now,
        },
        'order update',
      );
    } else if (roll < 0.72) {
      const o = this.pick(orders);
      for (const t of ['sales_order_parts', 'sales_order_services'] as const)
        for (const line of all(t))
          if (line['order_id'] === o['order_id']) put(t, 'D', line, 'line delete (with order)');
      put('sales_order', 'D', o, 'order delete');
    } else if (roll < 0.85) {
      const t = this.random() < 0.5 ? 'sales_order_parts' : 'sales_order_services';
      const lines = all(t);
      if (lines.length > 0) put(t, 'D', this.pick(lines), 'line delete');
    } else if (roll < 0.93) {
      this.addLine(put, this.pick(orders)['order_id'] as number, now);
    } else {
      const lines = all('sales_order_parts');
      if (lines.length > 0) {
        const l = this.pick(lines);
        const quantity = 1 + Math.floor(this.random() * 5);
        put(
          'sales_order_parts',
          'U',
          { ...l, quantity, line_total: Math.round(quantity * Number(l['unit_price']) * 100) / 100 },
          'line update',
        );
      }
    }
  }

  private addLine(
    put: (table: Table, op: Change['op'], row: Values, kind: string) => void,
    orderId: number,
    now: string,
  ): void {
    const lineId = this.nextId++;
    if (this.random() < 0.6) {
      const p = this.pick([...this.table('auto_parts').values()]);
      const quantity = 1 + Math.floor(this.random() * 4);
      const price = Number(p['price']);
      put(
        'sales_order_parts',
        'I',
        {
          line_item_id: lineId,
          order_id: orderId,
          sku: p['sku'] ?? null,
          quantity,
          unit_price: price,
          line_total: Math.round(quantity * price * 100) / 100,
          created_at: now,
        },
        'line insert',
      );
    } else {
      const s = this.pick([...this.table('service').values()]);
      const partsCost = this.money(50);
      put(
        'sales_order_services',
        'I',
        {
          line_item_id: lineId,
          order_id: orderId,
          serviceid: s['serviceid'] ?? null,
          quantity: 1,
          labor_minutes: s['labor_minutes'] ?? 0,
          labor_cost: s['labor_cost'] ?? 0,
          parts_cost: partsCost,
          line_total: Math.round((Number(s['labor_cost'] ?? 0) + partsCost) * 100) / 100,
          created_at: now,
        },
        'line insert',
      );
    }
  }

  private async write(connection: DuckDBConnection, lake: LakeFolder, changes: Map<Table, Change[]>): Promise<void> {
    this.lsn += 0x100;
    let seq = 0;
    const time = new Date(this.clock)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace('T', '-')
      .replace('.', '')
      .slice(0, 18);
    for (const [table, list] of changes) {
      const columns = COLUMNS[table].split(', ').slice(4);
      const first = seq;
      const rows = list.map(
        (c) =>
          `('${c.op}', TIMESTAMPTZ '2025-06-01 00:00:00+00', ${this.lsn}::BIGINT, ${seq++}::BIGINT, ${columns.map((name) => cast(table, name, c.row[name] ?? null)).join(', ')})`,
      );
      await writeDmsFile(
        connection,
        lake,
        table,
        cdcFileName(time, this.lsn, first, this.lsn, seq - 1),
        COLUMNS[table],
        rows,
      );
    }
    await writeCdcPosition(lake, this.lsn + 1, 0);
  }
}

function keyOf(table: Table, row: Values): string {
  if (table === 'auto_parts') return String(row['sku']);
  if (table === 'service') return String(row['serviceid']);
  if (table === 'service_parts') return `${String(row['serviceid'])}|${String(row['sku'])}`;
  if (table === 'customers') return String(row['customer_id']);
  if (table === 'sales_order') return String(row['order_id']);
  return String(row['line_item_id']);
}

/** Typed literals, so that every CDC file of a table has the same Parquet schema. */
function cast(table: Table, name: string, value: string | number | null): string {
  if (name.endsWith('_at') || name === 'order_date') return `CAST(${sql(value)} AS TIMESTAMP)`;
  if (
    [
      'price',
      'unit_price',
      'line_total',
      'labor_cost',
      'parts_cost',
      'labor_rate',
      'subtotal',
      'tax',
      'total_amount',
    ].includes(name)
  )
    return `CAST(${sql(value)} AS DECIMAL(12,2))`;
  if (['order_id', 'line_item_id'].includes(name)) return `CAST(${sql(value)} AS BIGINT)`;
  if (['quantity', 'stock_quantity', 'labor_minutes', 'customer_id'].includes(name))
    return `CAST(${sql(value)} AS INT)`;
  void table;
  return `CAST(${sql(value)} AS VARCHAR)`;
}
