import { CatalogError } from './catalog-error';
import { TABLE_FORMATS, type TableInput } from './model';
import { validateName } from './names';

/** Checks a table definition before any backend stores it. */
export function validateTableInput(input: TableInput): void {
  validateName('table', input.name);
  if (!TABLE_FORMATS.includes(input.format)) {
    throw new CatalogError(
      'invalid-input',
      `Table "${input.name}" has format ${JSON.stringify(input.format)}; use one of ${TABLE_FORMATS.join(', ')}.`,
    );
  }
  if (typeof input.location !== 'string' || !/^(file|s3):\/\//.test(input.location)) {
    throw new CatalogError(
      'invalid-input',
      `Table "${input.name}" has location ${JSON.stringify(input.location)}; use a file:// or s3:// URI of the folder holding its files.`,
    );
  }
  const seen = new Set<string>();
  for (const col of [...input.columns, ...input.partitionKeys]) {
    if (typeof col.name !== 'string' || col.name === '') {
      throw new CatalogError(
        'invalid-input',
        `Table "${input.name}" has a column without a name; every column needs a name and a type.`,
      );
    }
    const lower = col.name.toLowerCase();
    if (seen.has(lower)) {
      throw new CatalogError(
        'invalid-input',
        `Table "${input.name}" has column "${col.name}" twice (names are case-insensitive; partition keys count too).`,
      );
    }
    seen.add(lower);
    if (typeof col.type !== 'string' || col.type.trim() === '') {
      throw new CatalogError(
        'invalid-input',
        `Column "${col.name}" of table "${input.name}" has no type; give a Glue type such as string, bigint or decimal(10,2).`,
      );
    }
  }
}
