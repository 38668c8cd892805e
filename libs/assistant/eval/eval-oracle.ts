import type { QueryExecutor, ResultRow } from '@autocorp/query';

export interface Period {
  readonly from: string;
  readonly to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, month: number) => {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
};
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The eval's own access to the data: plain SQL it writes itself (independent of the assistant's
 * queries) over the curated tables, and the data's calendar as the eval computes it.
 */
export class EvalOracle {
  private latest: Promise<string> | undefined;

  constructor(private readonly executor: QueryExecutor) {}

  async rows(sql: string): Promise<ResultRow[]> {
    return (await this.executor.execute(sql)).rows;
  }

  async value(sql: string): Promise<number> {
    const [row] = await this.rows(sql);
    return Number(Object.values(row ?? {})[0] ?? 0);
  }

  /** The latest order day (YYYY-MM-DD). */
  lastDay(): Promise<string> {
    this.latest ??= this.rows('SELECT CAST(max(order_date) AS DATE) AS d FROM sales_order').then((r) =>
      String(r[0]?.['d']),
    );
    return this.latest;
  }

  async firstDay(): Promise<string> {
    const [row] = await this.rows('SELECT CAST(min(order_date) AS DATE) AS d FROM sales_order');
    return String(row?.['d']);
  }

  /** The latest month with orders, or the one `back` months before it. */
  async month(back = 0): Promise<Period> {
    const [y, m] = (await this.lastDay()).split('-').map(Number) as [number, number];
    return { from: monthStart(y, m - back), to: monthStart(y, m - back + 1) };
  }

  /** The latest year with orders, or the one `back` years before it. */
  async year(back = 0): Promise<Period> {
    const y = Number((await this.lastDay()).slice(0, 4)) - back;
    return { from: `${y}-01-01`, to: `${y + 1}-01-01` };
  }

  async allTime(): Promise<Period> {
    const last = new Date(`${await this.lastDay()}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() + 1);
    return { from: await this.firstDay(), to: last.toISOString().slice(0, 10) };
  }

  /** `order_date` within a period, as SQL. */
  static within(period: Period, column = 'order_date'): string {
    return `${column} >= DATE ${quote(period.from)} AND ${column} < DATE ${quote(period.to)}`;
  }

  static quote = quote;
}

/** A decimal sum divided by a count, rounded half up to cents, exactly (BigInt cents). */
export function exactAverage(sum: string | number | null | undefined, n: number): number {
  if (n === 0) return 0;
  const [whole = '0', frac = ''] = String(sum ?? '0').split('.');
  const cents = BigInt(whole) * 100n + (whole.startsWith('-') ? -1n : 1n) * BigInt((frac + '00').slice(0, 2));
  const count = BigInt(n);
  return Number((2n * cents + count) / (2n * count)) / 100;
}
