import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSV_FILES,
  type GenerationSummary,
  type Manifest,
  TAX_RATE_BASIS_POINTS,
  generate,
  plannedCounts,
} from '../src/index';
import { createContext } from '../src/context';
import { fnv1aHex } from '../src/format/checksum';
import { formatTimestamp } from '../src/time/calendar';
import { type CsvFile, parseCsvLine, readCsv } from './helpers/csv-parse';

const SCALE = 0.002;
const SEED = 7;
const root = `/tmp/autocorp-generator-csv-${process.pid}`;
const dirA = join(root, 'a');
const dirB = join(root, 'b');
const dirOtherSeed = join(root, 'other-seed');
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function validTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60
  );
}

function cents(text: string): number {
  if (!/^-?\d+\.\d{2}$/.test(text)) throw new Error(`not a money amount: ${text}`);
  const negative = text.startsWith('-');
  const [whole, frac] = text.replace('-', '').split('.') as [string, string];
  const value = Number(whole) * 100 + Number(frac);
  return negative ? -value : value;
}

async function sha256Of(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
  for (const name of names)
    out[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  return out;
}

describe('CSV export', () => {
  let summary: GenerationSummary;
  let manifest: Manifest;
  let orders: CsvFile;
  let parts: CsvFile;
  let services: CsvFile;
  const context = createContext(SEED, SCALE);
  const planned = plannedCounts(SCALE);

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    summary = await generate({ seed: SEED, scale: SCALE, out: dirA, targets: ['csv'] });
    manifest = JSON.parse(await readFile(join(dirA, 'manifest.json'), 'utf8')) as Manifest;
    orders = readCsv(join(dirA, CSV_FILES.orders.name));
    parts = readCsv(join(dirA, CSV_FILES.parts.name));
    services = readCsv(join(dirA, CSV_FILES.services.name));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is byte-identical for the same seed and scale, and differs for another seed', async () => {
    await generate({ seed: SEED, scale: SCALE, out: dirB, targets: ['csv'] });
    await generate({ seed: SEED + 1, scale: SCALE, out: dirOtherSeed, targets: ['csv'] });
    const a = await sha256Of(dirA);
    expect(Object.keys(a)).toEqual([
      'customers.csv',
      'manifest.json',
      'manifest/expected_defects.csv',
      'manifest/expected_winners.csv',
      'sales_order_parts.csv',
      'sales_order_services.csv',
      'sales_orders.csv',
    ]);
    expect(await sha256Of(dirB)).toEqual(a);
    const other = await sha256Of(dirOtherSeed);
    for (const name of Object.keys(a)) if (name !== 'manifest.json') expect(other[name], name).not.toBe(a[name]);
  });

  it('writes exactly the planned rows, with the headers of the file layout', () => {
    expect(orders.header).toEqual(CSV_FILES.orders.columns);
    expect(parts.header).toEqual(CSV_FILES.parts.columns);
    expect(services.header).toEqual(CSV_FILES.services.columns);
    expect(orders.lines).toHaveLength(planned.csvOrders.rows);
    expect(parts.lines).toHaveLength(planned.csvParts.rows);
    expect(services.lines).toHaveLength(planned.csvServices.rows);
    expect(summary.files['sales_orders.csv']?.rows).toBe(planned.csvOrders.rows);
    expect(manifest.totals.orderFileRows).toBe(planned.csvOrderFileRows);
    const customers = readCsv(join(dirA, 'customers.csv'));
    expect(customers.lines).toHaveLength(planned.customersSource);
    // The byte renderer of customers.csv writes exactly what the records (and PostgreSQL) hold.
    customers.lines.forEach((line, i) => {
      const r = context.customerSource.record(i);
      const address = r.address.includes(',') ? `"${r.address}"` : r.address;
      const expected = [
        r.customerId,
        r.firstName,
        r.lastName,
        r.email,
        r.phone,
        address,
        r.city,
        r.state,
        r.zipCode,
        formatTimestamp(r.createdAt),
        formatTimestamp(r.updatedAt),
      ];
      expect(line).toBe(expected.join(','));
    });
    const emails = customers.lines.map((l) => parseCsvLine(l)[3]);
    expect(emails.length - new Set(emails).size).toBe(planned.customersDuplicateEmails);
    expect(manifest.files['customers.csv'].duplicateEmailRows).toBe(planned.customersDuplicateEmails);
  });

  it('lists every dirty row by line number, each kind exactly as counted, and no other row is dirty', async () => {
    const customerIds = new Set(context.customers.map((c) => String(c.customerId)));
    const skus = new Set(context.catalog.parts.map((p) => p.sku));
    const serviceIds = new Set(context.catalog.services.map((s) => s.serviceid));
    const defects = readCsv(join(dirA, CSV_FILES.defects.name)).lines.map(parseCsvLine);
    const listed = new Map<string, string>();
    for (const [file, line, kind] of defects) listed.set(`${file}:${line}`, kind as string);

    const detect = (file: 'orders' | 'parts' | 'services', fields: string[]): string | undefined => {
      const width = CSV_FILES[file].columns.length;
      if (fields.length !== width) return 'wrong-column-count';
      if (fields[0] === '') return 'missing-invoice-number';
      if (!validTimestamp(fields[width - 1] as string)) return 'unparseable-date';
      const amount = fields[file === 'orders' ? 6 : file === 'parts' ? 5 : 7] as string;
      if (cents(amount) < 0) return 'negative-amount';
      if (file === 'orders') return customerIds.has(fields[1] as string) ? undefined : 'unknown-customer';
      if (Number(fields[3]) <= 0) return 'non-positive-quantity';
      if (file === 'parts') return skus.has(fields[2] as string) ? undefined : 'unknown-sku';
      return serviceIds.has(fields[2] as string) ? undefined : 'unknown-serviceid';
    };
    const found: Record<string, Record<string, number>> = {};
    for (const [key, csv] of [
      ['orders', orders],
      ['parts', parts],
      ['services', services],
    ] as const) {
      const name = CSV_FILES[key].name;
      found[name] = {};
      csv.lines.forEach((line, i) => {
        const kind = detect(key, parseCsvLine(line));
        expect(kind, `${name} line ${i + 2}`).toBe(listed.get(`${name}:${i + 2}`));
        if (kind) found[name]![kind] = (found[name]![kind] ?? 0) + 1;
      });
    }
    expect(found['sales_orders.csv']).toEqual(planned.csvOrders.defects);
    expect(found['sales_order_parts.csv']).toEqual(planned.csvParts.defects);
    expect(found['sales_order_services.csv']).toEqual(planned.csvServices.defects);
    expect(manifest.files['sales_orders.csv'].defects).toEqual(planned.csvOrders.defects);
    expect(defects).toHaveLength(manifest.totals.dirtyRows);
  });

  /** Clean rows of a file, parsed, with the dirty lines taken out. */
  function cleanRows(csv: CsvFile, name: string): { line: string; fields: string[] }[] {
    const dirty = new Set(
      readCsv(join(dirA, CSV_FILES.defects.name))
        .lines.map(parseCsvLine)
        .filter((f) => f[0] === name)
        .map((f) => Number(f[1])),
    );
    return csv.lines.filter((_, i) => !dirty.has(i + 2)).map((line) => ({ line, fields: parseCsvLine(line) }));
  }

  it('counts exact copies and later versions as the manifest says, and winners match expected_winners.csv', () => {
    const clean = cleanRows(orders, 'sales_orders.csv');
    const entry = manifest.files['sales_orders.csv'];
    expect(clean).toHaveLength(entry.cleanRows);
    const distinctRows = new Set(clean.map((r) => r.line));
    expect(clean.length - distinctRows.size).toBe(entry.exactCopies);
    const versions = new Map<string, string>();
    for (const line of distinctRows) {
      const f = parseCsvLine(line);
      const key = `${f[0]}@${f[11]}`;
      // Never two versions of one invoice with the same updated_at but different content.
      expect(versions.has(key), key).toBe(false);
      versions.set(key, line);
    }
    expect(versions.size).toBe(entry.versionRows);
    const invoices = new Set(clean.map((r) => r.fields[0]));
    expect(invoices.size).toBe(planned.csvUniqueInvoices);
    expect(entry.laterVersionRows).toBe(entry.versionRows - planned.csvUniqueInvoices);
    expect(entry.laterVersionRows).toBeGreaterThan(0);

    const winner = new Map<string, { fields: string[]; line: string }>();
    for (const line of distinctRows) {
      const fields = parseCsvLine(line);
      const best = winner.get(fields[0] as string);
      if (!best || (fields[11] as string) > (best.fields[11] as string))
        winner.set(fields[0] as string, { fields, line });
    }
    const expected = readCsv(join(dirA, CSV_FILES.winners.name));
    expect(expected.lines).toHaveLength(planned.csvUniqueInvoices);
    let laterVersionWins = 0;
    for (const line of expected.lines) {
      const [invoice, updatedAt, version, , status, payment, total, , , checksum] = parseCsvLine(line);
      const { fields: w, line: row } = winner.get(invoice as string) as { fields: string[]; line: string };
      expect([w[11], w[8], w[3], w[6]]).toEqual([updatedAt, status, payment, total]);
      expect(fnv1aHex(row)).toBe(checksum);
      if (Number(version) > 1) laterVersionWins++;
    }
    expect(laterVersionWins).toBeGreaterThan(0);
  });

  it('places some later versions before earlier ones (shuffled-ish order)', () => {
    const seen = new Map<string, string>();
    let earlierAfterLater = 0;
    for (const { fields } of cleanRows(orders, 'sales_orders.csv')) {
      const previous = seen.get(fields[0] as string);
      if (previous !== undefined && (fields[11] as string) < previous) earlierAfterLater++;
      if (previous === undefined || (fields[11] as string) > previous)
        seen.set(fields[0] as string, fields[11] as string);
    }
    expect(earlierAfterLater).toBeGreaterThan(0);
  });

  it('keeps every clean version internally consistent: lines, prices, subtotal, tax, total, type', () => {
    const price = new Map(context.catalog.parts.map((p) => [p.sku, p.priceCents]));
    const service = new Map(context.catalog.services.map((s) => [s.serviceid, s]));
    const lineTotals = new Map<string, { sum: number; parts: Set<string>; services: Set<string> }>();
    const at = (key: string) => {
      let v = lineTotals.get(key);
      if (!v) lineTotals.set(key, (v = { sum: 0, parts: new Set(), services: new Set() }));
      return v;
    };
    for (const { line, fields: f } of cleanRows(parts, 'sales_order_parts.csv')) {
      const [invoice, lineNumber, sku, quantity, unitPrice, lineTotal, updatedAt] = f as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      expect(cents(unitPrice)).toBe(price.get(sku));
      expect(cents(lineTotal)).toBe(Number(quantity) * cents(unitPrice));
      const v = at(`${invoice}@${updatedAt}`);
      if (!v.parts.has(line)) {
        v.parts.add(line);
        v.sum += cents(lineTotal);
      }
      expect(Number(lineNumber)).toBeGreaterThan(0);
    }
    for (const { line, fields: f } of cleanRows(services, 'sales_order_services.csv')) {
      const [invoice, , serviceid, quantity, minutes, labor, partsCost, lineTotal, updatedAt] = f as string[];
      const s = service.get(serviceid as string);
      expect(s, serviceid).toBeDefined();
      const q = Number(quantity);
      expect(Number(minutes)).toBe(s!.laborMinutes * q);
      expect(cents(labor as string)).toBe(s!.laborCostCents * q);
      expect(cents(partsCost as string)).toBe(s!.partsCostCents * q);
      expect(cents(lineTotal as string)).toBe(cents(labor as string) + cents(partsCost as string));
      const v = at(`${invoice}@${updatedAt}`);
      if (!v.services.has(line)) {
        v.services.add(line);
        v.sum += cents(lineTotal as string);
      }
    }
    const first = Date.UTC(2020, 0, 1);
    const last = Date.UTC(2026, 0, 1);
    for (const { fields: f } of cleanRows(orders, 'sales_orders.csv')) {
      const [invoice, , orderDate, , subtotal, tax, total, orderType, , , createdAt, updatedAt] = f as string[];
      const v = lineTotals.get(`${invoice}@${updatedAt}`);
      expect(v, `${invoice}@${updatedAt}`).toBeDefined();
      expect(cents(subtotal as string)).toBe(v!.sum);
      expect(cents(tax as string)).toBe(Math.floor((cents(subtotal as string) * TAX_RATE_BASIS_POINTS + 5000) / 10000));
      expect(cents(total as string)).toBe(cents(subtotal as string) + cents(tax as string));
      expect(orderType).toBe(v!.parts.size > 0 ? (v!.services.size > 0 ? 'Mixed' : 'Parts') : 'Service');
      expect(createdAt).toBe(orderDate);
      expect(updatedAt! >= orderDate!).toBe(true);
      const t = Date.parse(`${orderDate!.replace(' ', 'T')}Z`);
      expect(t >= first && t < last).toBe(true);
    }
    for (const line of readCsv(join(dirA, CSV_FILES.winners.name)).lines) {
      const [invoice, updatedAt, , , , , , partLines, serviceLines] = parseCsvLine(line);
      const v = lineTotals.get(`${invoice}@${updatedAt}`);
      expect([v?.parts.size ?? 0, v?.services.size ?? 0]).toEqual([Number(partLines), Number(serviceLines)]);
    }
  });

  it('uses only PostgreSQL customers and invoice numbers outside the PostgreSQL range', () => {
    const customerIds = new Set(context.customers.map((c) => String(c.customerId)));
    const clean = cleanRows(orders, 'sales_orders.csv');
    for (const { fields } of clean) {
      expect(customerIds.has(fields[1] as string)).toBe(true);
      expect(fields[0]).toMatch(/^INV-5\d{9}$/);
    }
    expect(manifest.invoices.combinedUnique).toBe(planned.uniqueInvoicesCombined);
  });
});
