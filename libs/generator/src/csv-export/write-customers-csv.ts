import { join } from 'node:path';
import { createProgress } from '@autocorp/terminal';
import type { GenerationContext } from '../context';
import { csvField } from '../format/csv';
import { TextFileWriter } from '../io/text-file-writer';
import { formatTimestamp } from '../time/calendar';
import { CSV_FILES, headerLine } from './csv-files';

export interface CustomersFileResult {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly duplicateEmailRows: number;
  readonly uniqueEmails: number;
  readonly seconds: number;
}

/** Names, cities and emails never hold a comma or quote (see names.ts); only addresses may need quoting. */

/** Writes the CRM export customers.csv: every source record, duplicate emails included. */
export async function writeCustomersCsv(context: GenerationContext, dir: string, progress: boolean): Promise<CustomersFileResult> {
  const started = performance.now();
  const source = context.customerSource;
  const bar = createProgress({ label: CSV_FILES.customers.name, total: source.count, enabled: progress ? undefined : false });
  const writer = new TextFileWriter(join(dir, CSV_FILES.customers.name), headerLine(CSV_FILES.customers.columns), (n) =>
    bar.tick(n),
  );
  try {
    for (let i = 0; i < source.count; i++) {
      const r = source.record(i);
      writer.add(
        `${r.customerId},${r.firstName},${r.lastName},${r.email},${r.phone},${r.address.includes(',') ? csvField(r.address) : r.address},${r.city},${r.state},${r.zipCode},${formatTimestamp(r.createdAt)},${formatTimestamp(r.updatedAt)}\n`,
        1,
      );
      if (writer.full) await writer.flush();
    }
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  bar.finish();
  return {
    file: CSV_FILES.customers.name,
    rows: writer.rows,
    bytes: writer.bytes,
    duplicateEmailRows: source.duplicates,
    uniqueEmails: source.count - source.duplicates,
    seconds: (performance.now() - started) / 1000,
  };
}
