import path from 'node:path';
import { type CdcBatch, type CdcOptions, type CdcRunner, dropCdc, runFullLoad, startCdc } from '@autocorp/cdc';
import { LocalObjectStore } from '@autocorp/lake-storage';
import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import {
  type BenchCase,
  type BenchContext,
  type BenchMetric,
  atLeast,
  atMost,
  measured,
  percentile,
} from '../src/bench-case';
import { BenchError } from '../src/bench-error';
import { commitToReadableMs } from '../src/cdc/commit-latencies';
import { revertPartLines, updatePartLines } from '../src/cdc/part-updates';
import { deleteBenchCustomers, insertCustomersSteadily } from '../src/cdc/steady-inserts';
import { copyToNullScript, runPsqlScript } from '../src/psql';
import { timed, waitFor } from '../src/timing';

/** Changes per throughput phase (fewer when the table is smaller, at small scales). */
const THROUGHPUT_CHANGES = 200_000;
const STEADY_CHANGES_PER_SECOND = 1_000;
const STEADY_SECONDS = 10;
const CAPTURE_TIMEOUT_MS = 300_000;

/** Starts CDC, collects its batches and surfaces its failure while the bench waits. */
function startWatched(options: CdcOptions): {
  runner: CdcRunner;
  batches: CdcBatch[];
  waitForRows: (rows: number, what: string) => Promise<void>;
} {
  const batches: CdcBatch[] = [];
  const runner = startCdc({ ...options, onBatch: (batch) => void batches.push(batch) });
  let failure: unknown;
  runner.done.catch((error: unknown) => (failure = error));
  const rows = () => batches.reduce((sum, b) => sum + b.rows, 0);
  return {
    runner,
    batches,
    waitForRows: (wanted, what) =>
      waitFor(() => rows() >= wanted, {
        timeoutMs: CAPTURE_TIMEOUT_MS,
        check: () => {
          if (failure !== undefined) throw failure;
        },
        onTimeout: () =>
          new BenchError(
            'timeout',
            `CDC captured ${rows()} of ${wanted} ${what} within ${CAPTURE_TIMEOUT_MS / 1000} s; see the CDC log above.`,
          ),
      }),
  };
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  const dataset = await context.dataset();
  const store = new LocalObjectStore(path.join(context.workDir, 'lake'));
  const cdc: CdcOptions = {
    connection: dataset.postgres.connectionConfig,
    store,
    slotName: 'autocorp_bench_cdc',
    publicationName: 'autocorp_bench_cdc',
    tempRoot: context.workDir,
  };
  const { rows } = await dataset.pool.query<{ n: string }>('SELECT count(*) AS n FROM sales_order_parts');
  const throughputChanges = Math.min(THROUGHPUT_CHANGES, Math.floor(Number(rows[0]?.n ?? 0) / 2));
  let updated = 0;
  let runner: CdcRunner | undefined;
  try {
    context.log('psql \\copy of the seven tables to /dev/null');
    const psqlSeconds = await runPsqlScript(
      dataset.postgres.url,
      copyToNullScript(SOURCE_TABLE_NAMES),
      path.join(context.workDir, 'copy-out.sql'),
    );
    context.log('full load');
    const load = await runFullLoad(cdc);

    // Throughput while PostgreSQL commits: 10,000-row UPDATE transactions as fast as they go.
    const live = startWatched(cdc);
    runner = live.runner;
    await runner.streaming;
    context.log(`${throughputChanges} updates while CDC streams`);
    const streamed = await timed(async () => {
      updated += await updatePartLines(dataset.pool, 0, throughputChanges);
      await live.waitForRows(throughputChanges, 'streamed updates');
    });
    await runner.stop();
    runner = undefined;

    // Catch-up: the same number of updates committed while CDC is down, then drained.
    context.log(`${throughputChanges} updates while CDC is stopped, then catch-up`);
    const committed = await timed(() => updatePartLines(dataset.pool, throughputChanges, throughputChanges));
    updated += committed.result;
    const catchUp = await timed(async () => {
      const drained = startWatched(cdc);
      runner = drained.runner;
      await drained.waitForRows(throughputChanges, 'backlog updates');
      return drained;
    });

    // Latency under a steady load, with the default 1 s cut.
    context.log(`steady ${STEADY_CHANGES_PER_SECOND} inserts/s for ${STEADY_SECONDS} s`);
    const steady = catchUp.result;
    steady.batches.length = 0;
    const inserted = await insertCustomersSteadily(
      dataset.postgres.connectionConfig,
      STEADY_CHANGES_PER_SECOND,
      STEADY_SECONDS,
    );
    await steady.waitForRows(inserted, 'steady inserts');
    await (runner as CdcRunner | undefined)?.stop();
    runner = undefined;
    const latencies = await commitToReadableMs(steady.batches, 'customers', store);
    if (latencies.length !== inserted)
      throw new BenchError(
        'command-failed',
        `CDC wrote ${latencies.length} customer changes for ${inserted} inserts; the latency sample is incomplete.`,
      );

    return [
      atLeast('full load', load.rows / load.seconds, 'rows/s', 400_000, {
        ratio: load.seconds / psqlSeconds,
        baseline: `time vs psql \\copy to /dev/null (${psqlSeconds.toFixed(2)} s)`,
      }),
      measured('full load rows', load.rows, 'rows'),
      atLeast('CDC while updates commit', throughputChanges / streamed.seconds, 'changes/s', 50_000),
      atLeast('CDC catch-up of a backlog', throughputChanges / catchUp.seconds, 'changes/s', 50_000, {
        ratio: committed.seconds / catchUp.seconds,
        baseline: `rate vs PostgreSQL committing them (${Math.round(throughputChanges / committed.seconds).toLocaleString('en-US')}/s)`,
      }),
      measured(`commit to readable p50 at ${STEADY_CHANGES_PER_SECOND}/s`, percentile(latencies, 50), 'ms'),
      atMost(`commit to readable p99 at ${STEADY_CHANGES_PER_SECOND}/s`, percentile(latencies, 99), 'ms', 2000),
    ];
  } finally {
    await (runner as CdcRunner | undefined)?.stop().catch(() => undefined);
    await dropCdc(cdc).catch((error: unknown) => context.log(`could not drop the bench slot: ${String(error)}`));
    await deleteBenchCustomers(dataset.pool);
    if (updated > 0) await revertPartLines(dataset.pool, updated);
  }
}

const cdcCase: BenchCase = {
  name: 'cdc',
  description:
    'Full load of the source tables to raw Parquet vs psql \\copy, CDC changes/s, commit-to-readable latency at 1,000 changes/s',
  run,
};

export default cdcCase;
