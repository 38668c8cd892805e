import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit configuration: `npm run db:generate -w libs/schema` writes SQL migrations for
 * changes to src/tables into drizzle/. Objects drizzle cannot express (REPLICA IDENTITY,
 * views) live in custom migrations made with `npx drizzle-kit generate --custom --name <name>`.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/tables/index.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
});
