import { readFileSync } from 'node:fs';

/** Splits one RFC 4180 record (no line breaks inside fields, as the generator guarantees). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote in ${line}`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = line.indexOf(',', i);
      fields.push(comma < 0 ? line.slice(i) : line.slice(i, comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) break;
    if (line[i] !== ',') throw new Error(`expected a comma at ${i} in ${line}`);
    i++;
    if (i === line.length) {
      fields.push('');
      break;
    }
  }
  return fields;
}

export interface CsvFile {
  readonly header: string[];
  /** Data lines as written (no trailing newline); index 0 is file line 2. */
  readonly lines: string[];
}

export function readCsv(path: string): CsvFile {
  const text = readFileSync(path, 'utf8');
  if (!text.endsWith('\n')) throw new Error(`${path} does not end with a newline`);
  const all = text.slice(0, -1).split('\n');
  return { header: parseCsvLine(all[0] as string), lines: all.slice(1) };
}
