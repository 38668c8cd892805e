import { runCdcUntilIdle, startCdc } from '@autocorp/cdc';
import { formatCount } from '@autocorp/terminal';
import type { Command } from '../../cli/command';
import { commandProgress } from '../../cli/progress-drawing';
import { withSourceDb } from '../with-source-db';
import { CDC_STREAM_OPTIONS, cdcOptions } from './cdc-options';
import { formatCdcSummary } from './format-cdc';

export const cdcStartCommand: Command = {
  path: ['cdc', 'start'],
  summary: 'Full load (first time) then stream changes from PostgreSQL into raw/database/ until stopped',
  description:
    "Creates the publication and slot on first use and takes the full load from the slot's exported snapshot, then streams pgoutput changes into time-cut Parquet files (DMS layout). The position is stored only after the files are durable and acknowledged only after that. Ctrl-C (SIGINT) or SIGTERM stops gracefully. With --until-idle it stops once every change committed before the start is in the lake.",
  options: {
    ...CDC_STREAM_OPTIONS,
    'until-idle': {
      type: 'boolean',
      default: false,
      description: 'Stop once caught up with the WAL position at start',
    },
  },
  async run(values, _positionals, io) {
    await withSourceDb(io, async (db) => {
      const options = { ...cdcOptions(values, db, io), onProgress: commandProgress(io) };
      if (values['until-idle']) {
        io.stdout.write(formatCdcSummary(await runCdcUntilIdle(options)));
        return;
      }
      const runner = startCdc({
        ...options,
        onBatch: (batch) => {
          io.stderr.write(
            `batch: ${formatCount(batch.rows)} change(s) in ${batch.files.length} file(s), position ${batch.position.lsn}/${batch.position.seq}\n`,
          );
        },
      });
      const stop = () => void runner.stop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await runner.streaming;
      io.stderr.write(`streaming from slot ${runner.slotName}; Ctrl-C to stop\n`);
      try {
        io.stdout.write(formatCdcSummary(await runner.done));
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
  },
};
