import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Column lists like the generator's exports, as the orchestrator would pass them. */
export const EXPECTED_HEADERS = {
  sales_orders: ['order_id', 'customer_id', 'order_date', 'total'],
  sales_order_parts: ['order_id', 'line', 'part_id', 'quantity', 'unit_price'],
  sales_order_services: ['order_id', 'line', 'service_id', 'hours'],
  customers: ['customer_id', 'name', 'city'],
} as const;

export const SOURCE_CSV: Readonly<Record<string, string>> = {
  'sales_orders.csv':
    'order_id,customer_id,order_date,total\n1,10,2024-01-02,120.50\n2,11,2024-01-03,99.99\n3,10,2024-01-04,15.00\n',
  'sales_order_parts.csv': 'order_id,line,part_id,quantity,unit_price\r\n1,1,P-100,2,30.25\r\n1,2,P-200,1,60.00\r\n',
  'sales_order_services.csv': 'order_id,line,service_id,hours\n2,1,S-OIL,1.5\n',
  // a quoted field with a comma, a doubled quote and a newline inside it: still 2 rows
  'customers.csv': 'customer_id,name,city\n10,"Ortiz, Ana","San ""Diego"""\n11,"Lee\nJr.",Austin\n',
};

export const SOURCE_ROWS: Readonly<Record<string, number>> = {
  'sales_orders.csv': 3,
  'sales_order_parts.csv': 2,
  'sales_order_services.csv': 1,
  'customers.csv': 2,
};

/** A folder like the generator's output: four CSV files, a manifest and an unrelated file. */
export async function makeSourceFolder(parent?: string): Promise<string> {
  const dir = await mkdtemp(path.join(parent ?? os.tmpdir(), 'csv-source-'));
  for (const [name, content] of Object.entries(SOURCE_CSV)) await writeFile(path.join(dir, name), content);
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ files: Object.keys(SOURCE_CSV), seed: 42 }));
  await writeFile(path.join(dir, 'README.txt'), 'exported by the generator');
  return dir;
}
