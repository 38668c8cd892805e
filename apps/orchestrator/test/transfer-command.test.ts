import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvExportHeaders } from '../src/pipeline/export-headers';
import { runAutocorp } from './autocorp-process';

// `autocorp transfer` on an export folder with files no job reads and a file cut inside a quote.
describe('autocorp transfer', () => {
  const headers = csvExportHeaders();
  let parent: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-transfer-'));
    env = { AUTOCORP_HOME: path.join(parent, 'home'), CI: 'true', LAKE_URI: undefined };
  });
  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  const exportFolder = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(parent, 'export-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  };
  const header = (table: string) => (headers[table] ?? []).join(',');

  it('exits 1 and names the file when a file is rejected: unknown names, a file ending inside a quote', async () => {
    const orders = `${header('sales_orders')}\n`;
    const from = exportFolder({
      'sales_orders.csv': orders,
      'Sales_Orders.csv': orders,
      'widgets.csv': 'widget_id,name\n1,Sprocket\n',
      'customers.csv': `${header('customers')}\n1,"Ortiz\n`,
    });
    const lake = pathToFileURL(path.join(parent, 'lake-1')).href;
    const result = await runAutocorp(['transfer', '--from', from, '--lake', lake], env);
    expect(result.code).toBe(1);
    const known = Object.keys(headers)
      .sort()
      .map((t) => `${t}.csv`)
      .join(', ');
    expect(result.stderr).toContain(`error: widgets.csv is not a known CSV export`);
    expect(result.stderr).toContain(`Known files: ${known}.`);
    expect(result.stderr).toContain('error: Sales_Orders.csv is not a known CSV export');
    expect(result.stderr).toContain('error: customers.csv ends inside a quoted field: the quote opened on line 2');
    expect(result.stdout).toContain('1 copied');
    expect(result.stdout).toContain('3 rejected');
  }, 120_000);

  it('exits 0 when every file is known and well formed', async () => {
    const from = exportFolder({ 'sales_orders.csv': `${header('sales_orders')}\n` });
    const result = await runAutocorp(
      ['transfer', '--from', from, '--lake', pathToFileURL(path.join(parent, 'lake-2')).href],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);
});
