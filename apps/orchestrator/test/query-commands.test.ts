import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HudiTable, formatInstantTime, parseInstantTime } from '@autocorp/hudi';
import { installHudiFixture } from '@autocorp/hudi/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandIo } from '../src/cli/command';
import { runCli } from '../src/cli/run-cli';
import { COMMANDS } from '../src/commands/index';

/** Runs `autocorp <args>` in this process against a state folder, collecting what it prints. */
async function autocorp(
  home: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    ({ write: (chunk: string | Uint8Array) => (append(String(chunk)), true) }) as unknown as NodeJS.WritableStream;
  const io: CommandIo = {
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
    env: { AUTOCORP_HOME: home, CI: 'true' },
    cwd: path.dirname(home),
  };
  const code = await runCli(args, COMMANDS, io);
  return { code, stdout, stderr };
}

// The query-side commands (crawl, history, query) over a small lake of Spark-written Hudi tables
// and CSV files in a fresh state folder: real files, real DuckDB, the real catalog.
describe('crawl, history and query commands', () => {
  let parent: string;
  let home: string;
  const curated = (table: string) => path.join(home, 'lake', 'curated', table);

  beforeEach(async () => {
    parent = await fs.mkdtemp(path.join(os.tmpdir(), 'autocorp-query-commands-'));
    home = path.join(parent, 'home');
    await installHudiFixture('cow_v6_nonpartitioned', curated('plain_orders'));
  });
  afterEach(async () => fs.rm(parent, { recursive: true, force: true }));

  it('crawl catalogs the readable CSV files and lists the unreadable one with its reason', async () => {
    const folder = path.join(home, 'lake', 'raw', 'csv', 'customers', 'ingest_date=2024-01-31');
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'customers-a.csv'), 'customer_id,state\n1,TX\n2,CA\n');
    await fs.writeFile(
      path.join(folder, 'customers-b.csv'),
      Buffer.from([0, 1, 2, 255, 254, 0, 0, 10, 0, 200, 13, 10]),
    );
    const crawl = await autocorp(home, ['crawl']);
    expect(crawl.stderr).toBe('');
    expect(crawl.code).toBe(0);
    expect(crawl.stdout).toMatch(/raw-csv\s+autocorp_raw\.csv_customers\s+created\s+1\s+1/);
    expect(crawl.stdout).toContain('1 file(s) rejected (left in the lake, not cataloged):');
    expect(crawl.stdout).toContain(
      `autocorp_raw.csv_customers  raw/csv/customers/ingest_date=2024-01-31/customers-b.csv: Cannot infer the layout of CSV file ${path.join(folder, 'customers-b.csv')}`,
    );
    const json = await autocorp(home, ['crawl', '--json']);
    const reports = JSON.parse(json.stdout) as { crawler: string; rejected: { key: string }[] }[];
    expect(reports.find((r) => r.crawler === 'raw-csv')?.rejected.map((r) => r.key)).toEqual([
      'raw/csv/customers/ingest_date=2024-01-31/customers-b.csv',
    ]);
  });

  it('query --as-of before the first commit names the table and its earliest commit', async () => {
    expect((await autocorp(home, ['crawl'])).code).toBe(0);
    const first = (await HudiTable.open(curated('plain_orders'))).commits()[0] as string;
    const before = formatInstantTime(new Date(parseInstantTime(first).getTime() - 1));
    const result = await autocorp(home, ['query', 'SELECT count(*) AS n FROM plain_orders', '--as-of', before]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`error: Table "plain_orders" has no commit at or before ${before}`);
    expect(result.stderr).toContain(`its earliest commit is ${first} (${parseInstantTime(first).toISOString()})`);
    const atFirst = await autocorp(home, [
      'query',
      'SELECT count(*) AS n FROM plain_orders',
      '--as-of',
      first,
      '--format',
      'json',
    ]);
    expect(atFirst.stderr).toBe('');
    expect((JSON.parse(atFirst.stdout) as { n: number }[])[0]?.n).toBeGreaterThan(0);
  });

  it('history of a table it cannot read says why, and keeps "no table" for a missing one', async () => {
    const properties = path.join(curated('plain_orders'), '.hoodie', 'hoodie.properties');
    const text = await fs.readFile(properties, 'utf8');
    await fs.writeFile(properties, text.replace(/^hoodie\.table\.version=\d+$/m, 'hoodie.table.version=99'));
    const unreadable = await autocorp(home, ['history', 'plain_orders']);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain(`curated table "plain_orders" at ${curated('plain_orders')} cannot be read`);
    expect(unreadable.stderr).toContain('hoodie.table.version=99');
    expect(unreadable.stderr).not.toContain('no curated table');
    const missing = await autocorp(home, ['history', 'no_such_table']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `error: there is no curated table "no_such_table" at ${curated('no_such_table')}. "autocorp tables" lists the tables.\n`,
    );
  });

  it('a copied state folder answers queries from the copy after the original is gone', async () => {
    expect((await autocorp(home, ['crawl'])).code).toBe(0);
    const sql = 'SELECT * FROM plain_orders ORDER BY 1, 2, 3';
    const original = await autocorp(home, ['query', sql, '--format', 'json']);
    expect(original.stderr).toBe('');
    const rows = JSON.parse(original.stdout) as unknown[];
    expect(rows.length).toBeGreaterThan(0);

    const copy = path.join(parent, 'copy');
    await fs.cp(home, copy, { recursive: true });
    await fs.rm(home, { recursive: true, force: true });
    const fromCopy = await autocorp(copy, ['query', sql, '--format', 'json']);
    expect(fromCopy.stderr).toBe('');
    expect(JSON.parse(fromCopy.stdout)).toEqual(rows);
    const tables = await autocorp(copy, ['tables', '--json']);
    const locations = (JSON.parse(tables.stdout) as { name: string; location: string }[]).map((t) => [
      t.name,
      t.location,
    ]);
    expect(locations).toEqual([['plain_orders', `file://${path.join(copy, 'lake', 'curated', 'plain_orders')}/`]]);
  });
});
