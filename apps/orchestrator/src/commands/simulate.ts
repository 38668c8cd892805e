import { OPERATION_KINDS, OrderSimulator, type SimulationSummary, type SimulatorEvent } from '@autocorp/simulator';
import { formatCount, formatTable } from '@autocorp/terminal';
import type { Command, CommandIo } from '../cli/command';
import { numberOption } from '../cli/option-values';
import { DEFAULT_SEED } from './generate';
import { withSourceDb } from './with-source-db';

/** A quiet progress line at most this often (clock milliseconds). */
const REPORT_EVERY_MS = 5_000;

/** What the simulator did, per kind of operation, as a table. */
export function formatSimulationSummary(summary: SimulationSummary): string {
  const { counts } = summary;
  const seconds = summary.elapsedMs / 1000;
  const rows = OPERATION_KINDS.map((kind) => [kind, counts.operations[kind]] as [string, number]);
  return [
    formatTable(['operation', 'transactions'], rows),
    '',
    `${formatCount(counts.transactions)} transaction(s), ${formatCount(counts.statements)} statement(s) in ${seconds.toFixed(1)} s (seed ${summary.seed}, stopped: ${summary.reason})`,
    '',
  ].join('\n');
}

/** Quiet log lines from the simulator's events: the start, a line every few seconds, retries. */
function eventLog(io: CommandIo): (event: SimulatorEvent) => void {
  let lastReport = 0;
  return (event) => {
    switch (event.type) {
      case 'started':
        lastReport = event.at;
        io.stderr.write(
          `simulating ${event.ordersPerSecond} order(s)/s (${event.transactionsPerSecond.toFixed(1)} transaction(s)/s) with seed ${event.seed} on ${formatCount(event.source.orders)} order(s), ${formatCount(event.source.customers)} customer(s); Ctrl-C to stop\n`,
        );
        break;
      case 'transaction-committed':
        if (event.at - lastReport >= REPORT_EVERY_MS) {
          lastReport = event.at;
          const { transactions, operations } = event.counts;
          io.stderr.write(
            `${formatCount(transactions)} transaction(s), ${formatCount(operations['new-order'])} new order(s)\n`,
          );
        }
        break;
      case 'retrying':
        io.stderr.write(
          `lost the database (${event.error.message}); reconnecting in ${event.delayMs} ms (attempt ${event.attempt} of ${event.attempts})\n`,
        );
        break;
      case 'reconnected':
        io.stderr.write('reconnected; the simulator read the database again\n');
        break;
      default:
        break;
    }
  };
}

export const simulateCommand: Command = {
  path: ['simulate'],
  summary: 'Write live order traffic to the source PostgreSQL at a target rate until stopped',
  description:
    "New orders with part and service lines (drafted by the generator's rules), status moves along the order lifecycle, cancellations, refunds, edited and purged orders, part and service price changes and customer updates, in transactions of 1 to about 20 statements. The same --seed on the same database makes the same choices (timestamps follow the clock). Ctrl-C (SIGINT) or SIGTERM lets the transaction in flight commit, then stops. Uses DATABASE_URL or the embedded server.",
  options: {
    rate: {
      type: 'string',
      default: '10',
      valueName: '<orders/s>',
      description: 'New orders per second (the other operations follow in proportion)',
    },
    seed: {
      type: 'string',
      default: String(DEFAULT_SEED),
      valueName: '<n>',
      description: 'Random seed (whole number)',
    },
    duration: {
      type: 'string',
      valueName: '<s>',
      description: 'Stop after this many seconds (default: run until stopped)',
    },
  },
  async run(values, _positionals, io) {
    const ordersPerSecond = numberOption(values.rate, 'rate', { min: 0, exclusiveMin: true });
    const seed = numberOption(values.seed, 'seed', { integer: true });
    const duration =
      values.duration === undefined
        ? undefined
        : numberOption(values.duration, 'duration', { min: 0, exclusiveMin: true });
    const summary = await withSourceDb(io, async (db) => {
      const simulator = new OrderSimulator({
        connection: db.connectionConfig,
        ordersPerSecond,
        seed,
        ...(duration === undefined ? {} : { durationMs: duration * 1000 }),
        onEvent: eventLog(io),
      });
      await simulator.start();
      const stop = () => void simulator.stop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        return await simulator.finished();
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
    io.stdout.write(formatSimulationSummary(summary));
    if (summary.error) throw summary.error;
  },
};
