import { migrate } from '@autocorp/source-db';
import type { Command } from '../../cli/command';
import { withSourceDb } from '../with-source-db';

export const dbMigrateCommand: Command = {
  path: ['db', 'migrate'],
  summary: 'Apply the committed schema migrations to the source database',
  description:
    'Creates the seven AutoCorp tables, their constraints, REPLICA IDENTITY FULL for change data capture, and the reporting views. Safe to run again: applied migrations are skipped.',
  options: {},
  async run(_values, _positionals, io) {
    await withSourceDb(io, async (db) => {
      const report = await migrate(db);
      io.stdout.write(`Source database ${db.displayAddress}\n`);
      if (report.applied.length === 0) {
        io.stdout.write(`Schema is up to date (${report.alreadyApplied.length} migrations applied before).\n`);
      } else {
        for (const tag of report.applied) io.stdout.write(`applied ${tag}\n`);
        io.stdout.write(
          `${report.applied.length} migration(s) applied, ${report.alreadyApplied.length} already present.\n`,
        );
      }
    });
  },
};
