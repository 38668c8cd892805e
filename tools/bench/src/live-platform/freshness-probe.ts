import type pg from 'pg';
import { BenchError } from '../bench-error';
import type { StampTimes } from './change-path';

export interface FreshnessProbeOptions {
  /** The platform API (autocorp up). */
  readonly url: string;
  /** The source database the platform captures. */
  readonly pool: pg.Pool;
  readonly stamps: number;
  readonly stampEveryMs: number;
  readonly pollEveryMs: number;
  /** A stamp not visible this long after its commit counts as lost. */
  readonly giveUpMs: number;
}

/** Seconds from each stamp's commit until a curated table shows it (lost stamps are absent). */
export interface FreshnessResult {
  readonly committed: number;
  readonly salesOrder: number[];
  readonly salesOrderFact: number[];
  /** Changes per second CDC captured while the stamps ran (simulator and stamps). */
  readonly cdcRowsPerSecond: number;
  /** Per ETL job that committed while the stamps ran: runs and mean/max seconds. */
  readonly jobs: { job: string; runs: number; meanS: number; maxS: number }[];
  /** Each stamp's commit and the moments it was seen, on the wall clock (epoch ms), for the change-path trace. */
  readonly stamps: readonly StampTimes[];
  /** When the stamps started (epoch ms). */
  readonly startedAt: number;
  /** Each poll's round trip through the API (ms). */
  readonly pollMs: readonly number[];
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok)
    throw new BenchError('command-failed', `${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Rows of read-only SQL through the platform API (POST /api/sql). */
function sql<R>(url: string, text: string): Promise<R[]> {
  return api<{ rows: R[] }>(`${url}/api/sql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sql: text, maxRows: 10_000 }),
  }).then((b) => b.rows);
}

interface Stamp {
  readonly notes: string;
  readonly invoice: string;
  /** The stamped updated_at in microseconds since the epoch (what sales_order_fact carries). */
  readonly updatedUs: number;
  readonly committedAt: number;
  /** committedAt on the wall clock (epoch ms). */
  readonly committedAtMs: number;
  salesOrderS?: number;
  factS?: number;
}

/**
 * Stamps completed orders in PostgreSQL (notes and updated_at, one every `stampEveryMs`) and polls
 * curated sales_order (the notes) and sales_order_fact (the updated_at) through the platform API
 * until each stamp is visible in both, or `giveUpMs` after the last commit.
 */
export async function measureFreshness(options: FreshnessProbeOptions): Promise<FreshnessResult> {
  const { url, pool } = options;
  const prefix = `STAMP-${Date.now()}-`;
  const { rows: targets } = await pool.query<{ order_id: string }>(
    `SELECT order_id FROM sales_order WHERE status = 'Completed' ORDER BY order_id LIMIT ${options.stamps}`,
  );
  const stamps: Stamp[] = [];
  const startedAt = performance.now();
  const startedAtMs = Date.now();
  let stamping = true;
  const writer = (async () => {
    for (const [i, target] of targets.entries()) {
      const notes = `${prefix}${i}`;
      const { rows } = await pool.query<{ invoice_number: string; us: string }>(
        `UPDATE sales_order SET notes = $1, updated_at = clock_timestamp() WHERE order_id = $2
         RETURNING invoice_number, (extract(epoch FROM updated_at) * 1000000)::bigint::text AS us`,
        [notes, target.order_id],
      );
      const row = rows[0];
      if (row)
        stamps.push({
          notes,
          invoice: row.invoice_number,
          updatedUs: Number(row.us),
          committedAt: performance.now(),
          committedAtMs: Date.now(),
        });
      await wait(options.stampEveryMs);
    }
    stamping = false;
  })();
  const pollMs: number[] = [];
  const pending = () => stamps.filter((s) => s.salesOrderS === undefined || s.factS === undefined);
  const lastCommit = () => Math.max(...stamps.map((s) => s.committedAt), startedAt);
  while (stamping || (pending().length > 0 && performance.now() < lastCommit() + options.giveUpMs)) {
    const open = pending();
    if (open.length > 0) {
      // One query through the API for both tables, over the open stamps' orders only.
      const invoices = open.map((s) => `'${s.invoice}'`).join(', ');
      const polledAt = performance.now();
      const rows = await sql<{ t: string; k: string; us: number | null }>(
        url,
        `SELECT 'sales_order' AS t, notes AS k, CAST(NULL AS DOUBLE) AS us FROM sales_order WHERE invoice_number IN (${invoices}) AND notes LIKE '${prefix}%'
         UNION ALL
         SELECT 'fact' AS t, invoice_number AS k, CAST(epoch_us(updated_at) AS DOUBLE) AS us FROM sales_order_fact WHERE invoice_number IN (${invoices})`,
      );
      const now = performance.now();
      pollMs.push(now - polledAt);
      const seen = new Set(rows.filter((r) => r.t === 'sales_order').map((r) => r.k));
      const factUs = new Map(rows.filter((r) => r.t === 'fact').map((r) => [r.k, Number(r.us)]));
      for (const s of open) {
        if (s.salesOrderS === undefined && seen.has(s.notes)) s.salesOrderS = (now - s.committedAt) / 1000;
        if (s.factS === undefined && (factUs.get(s.invoice) ?? -Infinity) >= s.updatedUs)
          s.factS = (now - s.committedAt) / 1000;
      }
    }
    await wait(options.pollEveryMs);
  }
  await writer;
  const windowSeconds = Math.max(1, Math.round((performance.now() - startedAt) / 1000));
  const cdc = await api<{ throughput: { rowsPerSecond: number } }>(`${url}/api/cdc?windowSeconds=${windowSeconds}`);
  return {
    committed: stamps.length,
    salesOrder: stamps.flatMap((s) => (s.salesOrderS === undefined ? [] : [s.salesOrderS])),
    salesOrderFact: stamps.flatMap((s) => (s.factS === undefined ? [] : [s.factS])),
    cdcRowsPerSecond: cdc.throughput.rowsPerSecond,
    jobs: await jobTimes(url, Date.now() - windowSeconds * 1000),
    stamps: stamps.map((s) => ({
      notes: s.notes,
      committedAt: s.committedAtMs,
      ...(s.salesOrderS === undefined ? {} : { salesOrderVisibleAt: s.committedAtMs + s.salesOrderS * 1000 }),
      ...(s.factS === undefined ? {} : { factVisibleAt: s.committedAtMs + s.factS * 1000 }),
    })),
    startedAt: startedAtMs,
    pollMs,
  };
}

/** Committed job runs since `since` (epoch ms), per job: how many and how long. */
async function jobTimes(url: string, since: number): Promise<FreshnessResult['jobs']> {
  const { runs } = await api<{
    runs: { job: string; status: string; startedAt: string; timings: { totalMs: number } }[];
  }>(`${url}/api/etl/runs?limit=500`);
  const byJob = new Map<string, number[]>();
  for (const run of runs) {
    if (run.status !== 'committed' || Date.parse(run.startedAt) < since) continue;
    byJob.set(run.job, [...(byJob.get(run.job) ?? []), run.timings.totalMs / 1000]);
  }
  return [...byJob].map(([job, seconds]) => ({
    job,
    runs: seconds.length,
    meanS: seconds.reduce((a, b) => a + b, 0) / seconds.length,
    maxS: Math.max(...seconds),
  }));
}
