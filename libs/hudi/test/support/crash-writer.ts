/**
 * Child process for the crash test: upserts one record into the table given as argv[2] and, once the
 * base files exist but before the commit completes, prints BASE_FILES_WRITTEN and waits to be killed.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { HudiTable } from '../../src/index';

const basePath = process.argv[2] as string;
const source = process.argv[3] as string;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const table = await HudiTable.open(basePath);
await table.upsert(connection, source, {
  hooks: {
    afterBaseFilesWritten: async (instant) => {
      process.stdout.write(`BASE_FILES_WRITTEN ${instant}\n`);
      await new Promise(() => setInterval(() => undefined, 1000));
    },
  },
});
