import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The committed SQL migrations (drizzle-kit output plus custom migrations), with
 * `meta/_journal.json` listing them in order. Apply them with drizzle-orm's migrator
 * (`migrate` of @autocorp/source-db does this). Found through the package, not relative to this
 * module, so it holds when this code is bundled into an app (apps/orchestrator/dist).
 */
export const MIGRATIONS_DIR: string = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@autocorp/schema/package.json')),
  'drizzle',
);
