import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CSV_INVOICE_BASE, type GenerationContext, PG_INVOICE_BASE } from '../context';
import { TAX_RATE_BASIS_POINTS } from '../format/money';
import { GeneratorError } from '../generator-error';
import { CSV_FILES, MANIFEST_FILE } from './csv-files';
import type { CustomersFileResult } from './write-customers-csv';
import type { OrderFilesResult, OrderFileStats } from './write-order-files';

function fileEntry(s: OrderFileStats) {
  return {
    rows: s.rows,
    cleanRows: s.rows - s.dirtyRows,
    versionRows: s.versionRows,
    firstVersionRows: s.versionRows - s.laterVersionRows,
    laterVersionRows: s.laterVersionRows,
    exactCopies: s.exactCopies,
    dirtyRows: s.dirtyRows,
    defects: s.defects,
    bytes: s.bytes,
  };
}

/** Everything a consumer needs to check the export exactly; deterministic (no clock, no durations). */
export function buildManifest(context: GenerationContext, customers: CustomersFileResult, orders: OrderFilesResult) {
  const c = context.counts;
  return {
    generator: '@autocorp/generator',
    formatVersion: 1,
    seed: context.seed,
    scale: context.counts.scale,
    rules: {
      scaling:
        'every volume is the scale-1 figure times scale, Math.round, at least 1; the catalog (400 parts, 110 services, 1,074 service parts) is fixed',
      csv: 'RFC 4180, header row, UTF-8, \\n line ends; no field contains a line break, so line_number = data row number + 1',
      invoiceKey: 'invoice_number identifies an order; line files are keyed by (invoice_number, line_number)',
      versions:
        'a later version of an invoice repeats its order row and all its line rows with a strictly later updated_at and a changed status, payment_method or notes; amounts and lines stay the same',
      exactCopies: 'an exact copy repeats one row byte for byte, in the same file',
      winner:
        'per invoice_number the clean row with the largest updated_at wins (updated_at is the precombine field); clean versions of one invoice never share an updated_at',
      dirtyRows:
        'dirty rows are included in the row counts; each is an altered copy of a clean row (same invoice and updated_at unless the defect removes them) and must be quarantined before deduplication; expected_defects.csv lists each by file and line number',
      taxRate: `${TAX_RATE_BASIS_POINTS / 100} % of subtotal, rounded half up to the cent`,
    },
    invoices: {
      csvUnique: orders.uniqueInvoices,
      csvRange: [`INV-${CSV_INVOICE_BASE + 1}`, `INV-${CSV_INVOICE_BASE + orders.uniqueInvoices}`],
      postgres: c.salesOrder,
      postgresRange: [`INV-${PG_INVOICE_BASE + 1}`, `INV-${PG_INVOICE_BASE + c.salesOrder}`],
      combinedUnique: c.uniqueInvoicesCombined,
    },
    files: {
      'customers.csv': {
        rows: customers.rows,
        uniqueEmails: customers.uniqueEmails,
        duplicateEmailRows: customers.duplicateEmailRows,
        bytes: customers.bytes,
      },
      'sales_orders.csv': { ...fileEntry(orders.orders), uniqueInvoices: orders.uniqueInvoices },
      'sales_order_parts.csv': { ...fileEntry(orders.parts), uniqueLines: orders.uniquePartLines },
      'sales_order_services.csv': { ...fileEntry(orders.services), uniqueLines: orders.uniqueServiceLines },
      [CSV_FILES.winners.name]: { rows: orders.winners.rows, bytes: orders.winners.bytes },
      [CSV_FILES.defects.name]: { rows: orders.defects.rows, bytes: orders.defects.bytes },
    },
    totals: {
      orderFileRows: orders.orders.rows + orders.parts.rows + orders.services.rows,
      dirtyRows: orders.orders.dirtyRows + orders.parts.dirtyRows + orders.services.dirtyRows,
    },
    postgres: {
      auto_parts: c.autoParts,
      service: c.service,
      service_parts: c.serviceParts,
      customers: c.customers,
      customerStates: c.customerStates,
      sales_order: c.salesOrder,
      sales_order_parts: c.salesOrderParts,
      sales_order_services: c.salesOrderServices,
    },
  };
}

export type Manifest = ReturnType<typeof buildManifest>;

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The manifest of the CSV export in `dir`, or undefined when there is none (nothing was exported
 * there). A manifest that cannot be read or is not a manifest is GeneratorError `invalid-manifest`,
 * naming the file and keeping the cause.
 */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new GeneratorError(
      'invalid-manifest',
      `the export manifest ${file} cannot be read (${(error as Error).message}); check its permissions, or delete the folder to generate again.`,
      {
        cause: error,
      },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GeneratorError(
      'invalid-manifest',
      `the export manifest ${file} is not valid JSON (${(error as Error).message}); delete ${dir} to generate the export again.`,
      { cause: error },
    );
  }
  const record = parsed as Partial<Manifest> | null;
  if (
    typeof record !== 'object' ||
    record === null ||
    record.generator !== '@autocorp/generator' ||
    typeof record.seed !== 'number' ||
    typeof record.scale !== 'number'
  ) {
    throw new GeneratorError(
      'invalid-manifest',
      `${file} is not a manifest of @autocorp/generator (no generator, seed and scale); delete ${dir} to generate the export again.`,
    );
  }
  return record as Manifest;
}
