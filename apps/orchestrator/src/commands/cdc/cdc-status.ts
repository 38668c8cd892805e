import { cdcStatus } from '@autocorp/cdc';
import type { Command } from '../../cli/command';
import { withSourceDb } from '../with-source-db';
import { CDC_COMMON_OPTIONS, cdcOptions } from './cdc-options';
import { formatCdcStatus } from './format-cdc';

export const cdcStatusCommand: Command = {
  path: ['cdc', 'status'],
  summary: 'Slot health: lag in bytes and seconds, WAL status, stored position, per-table state',
  options: { ...CDC_COMMON_OPTIONS, json: { type: 'boolean', default: false, description: 'Print JSON' } },
  async run(values, _positionals, io) {
    return withSourceDb(io, async (db) => {
      const status = await cdcStatus(cdcOptions(values, db, io));
      io.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatCdcStatus(status));
      return status.invalidated ? 1 : 0;
    });
  },
};
