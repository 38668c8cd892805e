import { fileURLToPath } from 'node:url';

/**
 * The committed SQL migrations (drizzle-kit output plus custom migrations), with
 * `meta/_journal.json` listing them in order. Apply them with drizzle-orm's migrator
 * (`migrate` of @autocorp/source-db does this).
 */
export const MIGRATIONS_DIR: string = fileURLToPath(new URL('../drizzle', import.meta.url));
