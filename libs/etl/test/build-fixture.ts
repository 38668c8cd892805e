import { DuckDBInstance } from '@duckdb/node-api';
import {
  COLUMNS,
  type LakeFolder,
  cdcFileName,
  change,
  writeCdcPosition,
  writeDmsFile,
  writeRawCsv,
} from './raw-fixture';

export const CLEAN_CSV_INVOICES = 500;
const ts = (s: string) => `TIMESTAMP '${s}'`;

/** Expected first-broken rule per dirty CSV line, by file. */
export const EXPECTED_QUARANTINE = {
  sales_order: {
    line_well_formed: 1,
    fields_parse: 1,
    invoice_number_is_complete: 1,
    customer_id_in_customers: 1,
    amounts_non_negative: 1,
  },
  sales_order_parts: {
    line_well_formed: 1,
    fields_parse: 1,
    invoice_number_is_complete: 1,
    sku_in_auto_parts: 1,
    quantity_positive: 1,
    amounts_non_negative: 1,
  },
};

/**
 * A small raw zone in the layouts of libs/cdc and libs/csv-transfer: full load + committed CDC
 * (and one uncommitted CDC file beyond the position), and CSV exports with versions, exact copies
 * and one dirty row per defect kind.
 */
export async function buildRawZone(lake: LakeFolder): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const t0 = ts('2024-01-01 00:00:00');
  const load = (values: string[]) => values.map((v, i) => change('I', 0x100, i, v));
  await writeDmsFile(
    c,
    lake,
    'auto_parts',
    'LOAD00000001.parquet',
    COLUMNS.auto_parts,
    load([
      `'P1', 'Brake pad', 'Brakes', 'Acme', 10.00, 5, ${t0}, ${t0}`,
      `'P2', 'Rotor', 'Brakes', 'Acme', 20.00, 5, ${t0}, ${t0}`,
      `'P3', 'Belt', 'Engine & Powertrain', 'Bolt', 30.00, 5, ${t0}, ${t0}`,
    ]),
  );
  await writeDmsFile(c, lake, 'auto_parts', cdcFileName('20250601-000000000', 0x150, 0, 0x150, 2), COLUMNS.auto_parts, [
    change('U', 0x150, 0, `'P2', 'Rotor', 'Brakes', 'Acme', 25.00, 4, ${t0}, ${ts('2025-06-01 00:00:00')}`),
    change('D', 0x150, 1, `'P3', 'Belt', 'Engine & Powertrain', 'Bolt', 30.00, 5, ${t0}, ${t0}`),
    change('I', 0x150, 2, `'P4', 'Filter', 'Fluids & Filters', 'Bolt', 40.00, 9, ${t0}, ${ts('2025-06-01 00:00:00')}`),
  ]);
  // Beyond the committed position: an unfinished CDC batch that must not be read.
  await writeDmsFile(c, lake, 'auto_parts', cdcFileName('20250601-000001000', 0x300, 0, 0x300, 0), COLUMNS.auto_parts, [
    change('I', 0x300, 0, `'P5', 'Hose', 'Cooling System', 'Bolt', 50.00, 1, ${t0}, ${t0}`),
  ]);
  await writeDmsFile(
    c,
    lake,
    'service',
    'LOAD00000001.parquet',
    COLUMNS.service,
    load([
      `'S1', 'Brake Pad Replacement - Front', 'Brakes', 60, 120.00, 120.00, ${t0}, ${t0}`,
      `'S2', 'AC Recharge', 'HVAC', 30, 100.00, 50.00, ${t0}, ${t0}`,
    ]),
  );
  await writeDmsFile(
    c,
    lake,
    'service_parts',
    'LOAD00000001.parquet',
    COLUMNS.service_parts,
    load([`'S1', 'P1', 2, ${t0}, ${t0}`, `'S2', 'P2', 1, ${t0}, ${t0}`]),
  );
  await writeDmsFile(
    c,
    lake,
    'customers',
    'LOAD00000001.parquet',
    COLUMNS.customers,
    load([
      `1, 'Ann', 'Lee', 'ann@example.com', '555-0100', '1 Main St', 'Austin', 'TX', '73301', ${t0}, ${t0}`,
      `2, 'Bo', 'Kim', 'bo@example.com', NULL, NULL, 'San Juan', 'PR', '00901', ${t0}, ${t0}`,
      `3, 'Cy', 'Ng', 'cy@example.com', '555-0102', '3 Oak Ave', 'Fresno', 'CA', '93650', ${t0}, ${t0}`,
    ]),
  );
  const order1 = `1, 1, ${ts('2023-03-01 10:00:00')}, 'INV-P-000001', 'Cash', 20.00, 1.65, 21.65, 'Parts', 'Completed', NULL, ${t0}, ${t0}`;
  const order2 = `2, 2, ${ts('2023-04-01 10:00:00')}, 'INV-P-000002', 'Credit Card', 140.00, 11.55, 151.55, 'Service', 'Completed', 'Towed in', ${t0}, ${t0}`;
  await writeDmsFile(c, lake, 'sales_order', 'LOAD00000001.parquet', COLUMNS.sales_order, load([order1, order2]));
  await writeDmsFile(
    c,
    lake,
    'sales_order_parts',
    'LOAD00000001.parquet',
    COLUMNS.sales_order_parts,
    load([`10, 1, 'P1', 2, 10.00, 20.00, ${t0}`]),
  );
  const serviceLine = `11, 2, 'S1', 1, 60, 120.00, 20.00, 140.00, ${t0}`;
  await writeDmsFile(
    c,
    lake,
    'sales_order_services',
    'LOAD00000001.parquet',
    COLUMNS.sales_order_services,
    load([serviceLine]),
  );
  // Order 2 is deleted with its line (one transaction), after the full load.
  await writeDmsFile(
    c,
    lake,
    'sales_order_services',
    cdcFileName('20250601-000000100', 0x160, 0, 0x160, 0),
    COLUMNS.sales_order_services,
    [change('D', 0x160, 0, serviceLine)],
  );
  await writeDmsFile(
    c,
    lake,
    'sales_order',
    cdcFileName('20250601-000000100', 0x160, 1, 0x160, 1),
    COLUMNS.sales_order,
    [change('D', 0x160, 1, order2)],
  );
  await writeCdcPosition(lake, 0x200, 0);
  c.closeSync();
  db.closeSync();

  const orders = [
    'invoice_number,customer_id,order_date,payment_method,subtotal,tax,total_amount,order_type,status,notes,created_at,updated_at',
  ];
  const parts = ['invoice_number,line_number,sku,quantity,unit_price,line_total,updated_at'];
  const services = [
    'invoice_number,line_number,serviceid,quantity,labor_minutes,labor_cost,parts_cost,line_total,updated_at',
  ];
  const inv = (i: number) => `INV-C-${String(i).padStart(6, '0')}`;
  for (let i = 1; i <= CLEAN_CSV_INVOICES; i++) {
    const day = `2024-01-${String((i % 28) + 1).padStart(2, '0')}`;
    orders.push(
      `${inv(i)},${(i % 3) + 1},${day} 10:00:00,Cash,10.00,0.83,10.83,Parts,Completed,"Customer said ""noise, front""",${day} 10:00:00,${day} 10:00:00`,
    );
    parts.push(`${inv(i)},1,P1,1,10.00,10.00,${day} 10:00:00`);
    if (i % 5 === 0) services.push(`${inv(i)},1,S2,1,30,50.00,20.00,70.00,${day} 10:00:00`);
  }
  // Invoice 1: a later version (Refunded, later updated_at) written before an exact copy of the first.
  orders.push(
    `${inv(1)},2,2024-01-02 10:00:00,Debit Card,10.00,0.83,10.83,Parts,Refunded,,2024-01-02 10:00:00,2024-03-01 09:00:00`,
  );
  orders.push(orders[1] as string);
  parts.push(`${inv(1)},1,P1,1,10.00,10.00,2024-03-01 09:00:00`);
  // One dirty row per defect kind.
  orders.push(
    `${inv(2)},3,2024-01-03 10:00:00,Cash,10.00,0.83,-10.83,Parts,Completed,,2024-01-03 10:00:00,2024-01-03 10:00:00`,
  );
  orders.push(
    `${inv(3)},99999999,2024-01-04 10:00:00,Cash,10.00,0.83,10.83,Parts,Completed,,2024-01-04 10:00:00,2024-01-04 10:00:00`,
  );
  orders.push(`${inv(4)},2,2024-01-05 10:00:00,Cash,10.00,0.83,10.83,Parts,Completed,,2024-01-05 10:00:00,not a date`);
  orders.push(`,2,2024-01-05 10:00:00,Cash,10.00,0.83,10.83,Parts,Completed,,2024-01-05 10:00:00,2024-01-05 10:00:00`);
  orders.push(`${inv(5)},2,2024-01-05 10:00:00,Cash`);
  parts.push(`${inv(2)},1,P1,1,10.00,-10.00,2024-01-03 10:00:00`);
  parts.push(`${inv(3)},1,ZZZ-90001,1,10.00,10.00,2024-01-04 10:00:00`);
  parts.push(`${inv(4)},1,P1,0,10.00,10.00,2024-01-05 10:00:00`);
  parts.push(`${inv(6)},1,P1,1,10.00,10.00,2023-02-30 25:61:00`);
  parts.push(`,1,P1,1,10.00,10.00,2024-01-05 10:00:00`);
  parts.push(`${inv(7)},1,P1,1,10.00,10.00,2024-01-05 10:00:00,EXTRA`);
  await writeRawCsv(lake, 'sales_orders', '2025-06-01', 'sales_orders.csv', orders);
  await writeRawCsv(lake, 'sales_order_parts', '2025-06-01', 'sales_order_parts.csv', parts);
  await writeRawCsv(lake, 'sales_order_services', '2025-06-01', 'sales_order_services.csv', services);
}
