import { dropCdc } from '@autocorp/cdc';
import type { Command } from '../../cli/command';
import { withSourceDb } from '../with-source-db';
import { CDC_COMMON_OPTIONS, cdcOptions } from './cdc-options';

export const cdcDropCommand: Command = {
  path: ['cdc', 'drop'],
  summary:
    'Remove the replication slot and publication (PostgreSQL stops keeping WAL for them) and the stored CDC state',
  description: 'The raw files stay. The next "autocorp cdc start" takes a new full load.',
  options: CDC_COMMON_OPTIONS,
  async run(values, _positionals, io) {
    await withSourceDb(io, async (db) => {
      const result = await dropCdc(cdcOptions(values, db, io));
      io.stdout.write(
        `slot ${result.slotDropped ? 'dropped' : 'was not there'}; publication ${result.publicationDropped ? 'dropped' : 'was not there'}\n`,
      );
    });
  },
};
