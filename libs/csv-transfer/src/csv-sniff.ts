import { TransferError } from './transfer-error';
import { Utf8Scanner } from './utf8-scanner';

/** How much of a file's start is inspected to decide whether it is CSV text. */
export const SNIFF_BYTES = 64 * 1024;

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Splits one CSV line into fields (RFC 4180 quoting). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

/**
 * Decides from the first bytes of a file whether it is CSV text and returns its header columns.
 * `head` is the first SNIFF_BYTES of the file (or all of it when shorter); `wholeFile` says which.
 * Only the header line must be valid UTF-8 here; the rest of the file is checked while it is
 * copied (invalid lines are reported, not rejected).
 * Throws TransferError `not-csv` (binary, header not UTF-8) or `wrong-header` (empty, no header line).
 */
export function sniffCsvHeader(file: string, head: Buffer, wholeFile: boolean): string[] {
  if (head.length === 0) {
    throw new TransferError(
      'wrong-header',
      `${file} is empty: a CSV export needs at least a header line. Re-export the file.`,
    );
  }
  const nul = head.indexOf(0);
  if (nul !== -1) {
    throw new TransferError(
      'not-csv',
      `${file} is not CSV text: it contains a NUL byte at offset ${nul} (binary content). Check that the right file was exported.`,
    );
  }
  const bom = head.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  const text = head.subarray(bom);
  // The header is the first record: up to the first newline outside quotes.
  let quoted = false;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (byte === QUOTE) quoted = !quoted;
    else if (byte === NEWLINE && !quoted) {
      end = i;
      break;
    }
  }
  if (end === -1 && !wholeFile) {
    throw new TransferError(
      'wrong-header',
      `${file} has no header line within its first ${SNIFF_BYTES} bytes. Check that it is a CSV export with a header row.`,
    );
  }
  const headerBytes = text.subarray(0, end === -1 ? text.length : end);
  const utf8 = new Utf8Scanner(1);
  utf8.push(headerBytes);
  utf8.finish();
  const bad = utf8.invalidLines[0];
  if (bad !== undefined) {
    throw new TransferError(
      'not-csv',
      `${file} is not UTF-8 text: its header line (line ${bad.line}) has an invalid byte at offset ${bad.byteOffset + bom}. Export the file as UTF-8.`,
    );
  }
  const line = headerBytes.toString('utf8').replace(/\r$/, '');
  if (line.trim() === '') {
    throw new TransferError(
      'wrong-header',
      `${file} starts with an empty line where the header should be. Re-export it with a header row.`,
    );
  }
  return parseCsvLine(line);
}
