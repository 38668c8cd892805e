import type { DuckDBConnection } from '@duckdb/node-api';
import { CatalogError } from './catalog-error';
import { duckdbTypeToGlue } from './column-types';
import { queryRows, sql } from '@autocorp/duckdb';
import type { Column } from './model';

export interface CsvDialect {
  readonly delimiter: string;
  readonly quote: string;
  readonly escape: string;
  readonly hasHeader: boolean;
}

export interface CsvInference {
  readonly columns: Column[];
  readonly dialect: CsvDialect;
}

/** Rows DuckDB samples to infer a CSV file's dialect and column types. */
export const CSV_SAMPLE_ROWS = 20_480;

function emptyToBlank(value: unknown): string {
  const text = String(value ?? '');
  return text === '(empty)' ? '' : text;
}

/**
 * Infers dialect and column types of a CSV file from a sample (DuckDB `sniff_csv`). Raw CSV is
 * dirty by nature (the ETL quarantines malformed rows), so rows that do not fit the dialect, such
 * as a wrong column count, are skipped while inferring instead of failing the crawl.
 */
export async function sniffCsv(
  connection: DuckDBConnection,
  file: string,
  sampleRows = CSV_SAMPLE_ROWS,
): Promise<CsvInference> {
  let row: Record<string, unknown> | undefined;
  try {
    [row] = await queryRows(
      connection,
      sql`SELECT Delimiter AS delimiter, Quote AS quote, Escape AS escape, HasHeader AS has_header, to_json(Columns)::VARCHAR AS columns FROM sniff_csv(${file}, sample_size = ${Math.max(1, Math.floor(sampleRows))}, ignore_errors = true)`,
    );
  } catch (error) {
    throw new CatalogError(
      'unreadable-file',
      `Cannot infer the layout of CSV file ${file}: ${(error as Error).message}. Check that it is a delimited text file.`,
      { cause: error },
    );
  }
  if (!row) throw new CatalogError('unreadable-file', `CSV file ${file} gave no layout; is it empty?`);
  const columns = (JSON.parse(String(row['columns'])) as { name: string; type: string }[]).map((c) => ({
    name: c.name,
    type: duckdbTypeToGlue(c.type),
  }));
  return {
    columns,
    dialect: {
      delimiter: emptyToBlank(row['delimiter']),
      quote: emptyToBlank(row['quote']),
      escape: emptyToBlank(row['escape']),
      hasHeader: row['has_header'] === true,
    },
  };
}
