import { CatalogError } from './catalog-error';

/** Glue stores names lowercased; we accept lowercase letters, digits and "_" only, so both backends agree. */
const NAME = /^[a-z_][a-z0-9_]{0,254}$/;

export function validateName(what: 'database' | 'table' | 'column', name: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new CatalogError(
      'invalid-input',
      `The ${what} name ${JSON.stringify(name)} is not valid: use lowercase letters, digits and "_", starting with a letter or "_" (at most 255 characters).`,
    );
  }
  return name;
}

/** Turns a file or folder name into a catalog name: "pg_Sales-Order" -> "pg_sales_order". */
export function toCatalogName(raw: string): string {
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned || '_';
}
