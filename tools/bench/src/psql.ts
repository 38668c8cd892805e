import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { quoteIdentifier } from '@autocorp/duckdb/sql';
import { runCommand } from './run-command';
import { timed } from './timing';

/** A single-quoted file name for \copy (psql's own argument quoting, not a SQL literal). */
function fileLiteral(file: string): string {
  return `'${file.replace(/'/g, "''")}'`;
}

/** Runs a psql script file against `url` (stop at the first error); returns the seconds it took. */
export async function runPsqlScript(
  url: string,
  script: string,
  scriptFile: string,
  options: { readonly singleTransaction?: boolean } = {},
): Promise<number> {
  await writeFile(scriptFile, `${script}\n`);
  const args = [
    url,
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    ...(options.singleTransaction ? ['--single-transaction'] : []),
    '-f',
    scriptFile,
  ];
  return (await timed(() => runCommand('psql', args))).seconds;
}

/** `\copy <table> (<columns>) to '<dir>/<table>.csv' csv` for each table. */
export function copyOutScript(tables: Readonly<Record<string, readonly string[]>>, dir: string): string {
  return Object.entries(tables)
    .map(
      ([table, columns]) =>
        `\\copy ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) to ${fileLiteral(path.join(dir, `${table}.csv`))} csv`,
    )
    .join('\n');
}

/** `\copy <table> (<columns>) from '<dir>/<table>.csv' csv` for each table. */
export function copyInScript(tables: Readonly<Record<string, readonly string[]>>, dir: string): string {
  return Object.entries(tables)
    .map(
      ([table, columns]) =>
        `\\copy ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) from ${fileLiteral(path.join(dir, `${table}.csv`))} csv`,
    )
    .join('\n');
}

/** `\copy <table> to '/dev/null' csv` for each table: reading the tables out, the floor of any full load. */
export function copyToNullScript(tables: readonly string[]): string {
  return tables.map((table) => `\\copy ${quoteIdentifier(table)} to '/dev/null' csv`).join('\n');
}
