import type { ExpectedHeaders } from '@autocorp/csv-transfer';
import { CSV_FILES } from '@autocorp/generator';

/** The header each CSV export table must have (table = file name without .csv). */
export function csvExportHeaders(): ExpectedHeaders {
  const data = [CSV_FILES.customers, CSV_FILES.orders, CSV_FILES.parts, CSV_FILES.services];
  return Object.fromEntries(data.map((f) => [f.name.replace(/\.csv$/, ''), f.columns]));
}
