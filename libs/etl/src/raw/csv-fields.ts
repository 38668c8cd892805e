/**
 * The quoting rule of the CSV reader (DuckDB's `read_csv` with quote and escape '"'), in one place:
 * a field is quoted only when a double quote starts it; inside a quoted field `""` is a quote and a
 * line break is part of the field; a quote in the middle of an unquoted field is a plain character.
 */
export const CSV_QUOTE = 0x22;
export const CSV_DELIMITER = 0x2c;
export const CSV_NEWLINE = 0x0a;
export const CSV_CARRIAGE_RETURN = 0x0d;

/** The fields of one record as written (quotes removed, `""` read as `"`), e.g. to name a field in a reason. */
export function splitCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  while (i < text.length) {
    const ch = text[i] as string;
    if (atFieldStart && ch === '"') {
      // A quoted field: up to the quote that is not doubled.
      i += 1;
      for (;;) {
        if (i >= text.length) break;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else {
      field += ch;
    }
    i += 1;
  }
  fields.push(field);
  return fields;
}

/** How many delimiters outside quotes precede `end` in the bytes of a record (the 0-based field index at `end`). */
export function csvFieldIndexAt(record: Uint8Array, end: number): number {
  let index = 0;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < end && i < record.length; i++) {
    const b = record[i];
    if (inQuotes) {
      if (b === CSV_QUOTE) {
        if (record[i + 1] === CSV_QUOTE) i += 1;
        else inQuotes = false;
      }
      continue;
    }
    if (atFieldStart && b === CSV_QUOTE) {
      inQuotes = true;
      atFieldStart = false;
    } else if (b === CSV_DELIMITER) {
      index += 1;
      atFieldStart = true;
    } else {
      atFieldStart = false;
    }
  }
  return index;
}
