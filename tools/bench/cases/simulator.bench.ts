import { generate } from '@autocorp/generator';
import { OrderSimulator, VirtualClock, systemClock } from '@autocorp/simulator';
import { migrate, startThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';
import { type BenchCase, type BenchContext, type BenchMetric, atLeast, measured } from '../src/bench-case';
import { BENCH_SEED } from '../src/scale-dataset';
import { timed } from '../src/timing';

/** The rate the freshness benchmark runs the platform at (`--simulate 100`). */
const TARGET_ORDERS_PER_SECOND = 100;
/** Transactions of the unpaced run (a virtual clock: no waits, as fast as PostgreSQL commits). */
const UNPACED_TRANSACTIONS = 5_000;
/** Wall-clock seconds of the paced run. */
const PACED_SECONDS = 10;
const SIMULATOR_SEED = 7;

async function run(context: BenchContext): Promise<BenchMetric[]> {
  // Its own server: the simulator writes, and the shared dataset must stay as it was.
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ ...server.connectionConfig, max: 4 });
  pool.on('error', () => undefined);
  try {
    await migrate({ pool, displayAddress: server.url });
    context.log(`generating the PostgreSQL tables at scale ${context.scale}`);
    await generate({ seed: BENCH_SEED, scale: context.scale, targets: ['postgres'], pool });
    const unpaced = new OrderSimulator({
      connection: server.connectionConfig,
      ordersPerSecond: TARGET_ORDERS_PER_SECOND,
      seed: SIMULATOR_SEED,
      clock: new VirtualClock(Date.now()),
      maxTransactions: UNPACED_TRANSACTIONS,
    });
    const start = await timed(() => unpaced.start());
    const flat = await timed(() => unpaced.finished());
    const counts = flat.result.counts;
    context.log(`paced run: ${TARGET_ORDERS_PER_SECOND} orders/s for ${PACED_SECONDS} s on the wall clock`);
    const paced = await timed(async () => {
      const simulator = new OrderSimulator({
        connection: server.connectionConfig,
        ordersPerSecond: TARGET_ORDERS_PER_SECOND,
        seed: SIMULATOR_SEED,
        clock: systemClock,
        durationMs: PACED_SECONDS * 1000,
      });
      await simulator.start();
      return simulator.finished();
    });
    const pacedOrders = paced.result.counts.operations['new-order'];
    return [
      measured('state read at start (catalog, customers, open orders, ids)', start.seconds, 's'),
      atLeast(
        'unpaced: new orders/s',
        counts.operations['new-order'] / flat.seconds,
        'orders/s',
        TARGET_ORDERS_PER_SECOND,
      ),
      measured('unpaced: transactions/s', counts.transactions / flat.seconds, 'tx/s'),
      measured('unpaced: statements/s', counts.statements / flat.seconds, 'statements/s'),
      measured(
        `paced at ${TARGET_ORDERS_PER_SECOND} orders/s: new orders/s achieved`,
        pacedOrders / PACED_SECONDS,
        'orders/s',
      ),
      measured('paced: transactions/s achieved', paced.result.counts.transactions / PACED_SECONDS, 'tx/s'),
    ];
  } finally {
    await pool.end();
    await server.stop();
  }
}

const simulatorCase: BenchCase = {
  name: 'simulator',
  description: `Order simulator: state read at start, unpaced throughput (${UNPACED_TRANSACTIONS} transactions), and ${TARGET_ORDERS_PER_SECOND} orders/s paced for ${PACED_SECONDS} s`,
  run,
};

export default simulatorCase;
