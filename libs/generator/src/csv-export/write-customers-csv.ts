import { join } from 'node:path';
import type { GenerationContext } from '../context';
import { TextFileWriter } from '../io/text-file-writer';
import type { ProgressSteps } from '../progress-steps';
import { CSV_FILES, headerLine } from './csv-files';

export interface CustomersFileResult {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly duplicateEmailRows: number;
  readonly uniqueEmails: number;
  readonly seconds: number;
}

/** Writes the CRM export customers.csv: every source record, duplicate emails included. */
export async function writeCustomersCsv(
  context: GenerationContext,
  dir: string,
  progress: ProgressSteps,
): Promise<CustomersFileResult> {
  const started = performance.now();
  const source = context.customerSource;
  const task = progress.step(CSV_FILES.customers.name, source.count);
  const writer = new TextFileWriter(join(dir, CSV_FILES.customers.name), headerLine(CSV_FILES.customers.columns), (n) =>
    task.tick(n),
  );
  try {
    for (let i = 0; i < source.count; i++) {
      source.writeCsvRow(writer.pending, i);
      writer.rowsDone(1);
      if (writer.full) await writer.flush();
    }
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  task.finish();
  return {
    file: CSV_FILES.customers.name,
    rows: writer.rows,
    bytes: writer.bytes,
    duplicateEmailRows: source.duplicates,
    uniqueEmails: source.count - source.duplicates,
    seconds: (performance.now() - started) / 1000,
  };
}
