import { status } from '@autocorp/source-db';
import type { Command } from '../../cli/command';
import { withSourceDb } from '../with-source-db';
import { formatSourceDbStatus } from './format-status';

export const dbStatusCommand: Command = {
  path: ['db', 'status'],
  summary: 'Row counts per table, server facts and replication slots of the source database',
  options: { json: { type: 'boolean', default: false, description: 'Print JSON instead of a table' } },
  async run(values, _positionals, io) {
    await withSourceDb(io, async (db) => {
      const s = await status(db);
      io.stdout.write(values.json ? `${JSON.stringify(s, null, 2)}\n` : formatSourceDbStatus(s));
    });
  },
};
