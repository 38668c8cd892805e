import { migrate, openSourceDb } from '@autocorp/source-db';
import type { PipelineStep } from '../pipeline-step';

/** Starts the embedded PostgreSQL (or connects to DATABASE_URL) and applies the migrations. */
export const sourceDatabaseStep: PipelineStep = {
  name: 'source database',
  async run(context) {
    const db = await openSourceDb({ env: context.io.env, cwd: context.io.cwd });
    context.sourceDb = db;
    context.closers.push(() => db.close());
    const report = await migrate(db);
    const how =
      db.origin === 'url'
        ? 'connected to DATABASE_URL'
        : db.origin === 'embedded-started'
          ? 'started embedded server'
          : 'embedded server already running';
    return {
      headline: `${db.displayAddress}: ${how}; ${report.applied.length} migration(s) applied, ${report.alreadyApplied.length} already present`,
    };
  },
};
