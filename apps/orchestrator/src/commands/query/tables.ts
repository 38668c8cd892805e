import { formatTable } from '@autocorp/terminal';
import type { Command } from '../../cli/command';
import { openCatalog } from './query-backends';

export const tablesCommand: Command = {
  path: ['tables'],
  summary: 'List the catalog: databases and tables with format, columns, partition keys and location',
  options: {
    database: { type: 'string', valueName: '<name>', description: 'Only this database' },
    columns: { type: 'boolean', default: false, description: 'Also list every column with its type' },
    json: { type: 'boolean', default: false, description: 'Print JSON' },
  },
  async run(values, _positionals, io) {
    const catalog = openCatalog(io);
    const databases =
      typeof values.database === 'string' ? [values.database] : (await catalog.listDatabases()).map((d) => d.name);
    const tables = (await Promise.all(databases.map((db) => catalog.listTables(db)))).flat();
    if (values.json) {
      io.stdout.write(`${JSON.stringify(tables, null, 2)}\n`);
      return;
    }
    if (tables.length === 0) {
      io.stdout.write('The catalog is empty. Run "autocorp crawl" after ingestion and ETL.\n');
      return;
    }
    const rows = tables.map((t) => [
      `${t.database}.${t.name}`,
      t.format,
      t.columns.length,
      t.partitionKeys.map((k) => k.name).join(',') || '-',
      t.location,
    ]);
    io.stdout.write(`${formatTable(['table', 'format', 'columns', 'partition keys', 'location'], rows)}\n`);
    if (values.columns) {
      for (const t of tables) {
        io.stdout.write(`\n${t.database}.${t.name}\n`);
        for (const c of [...t.columns, ...t.partitionKeys]) io.stdout.write(`  ${c.name.padEnd(32)} ${c.type}\n`);
      }
    }
  },
};
