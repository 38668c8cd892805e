import { isUtf8 } from 'node:buffer';
import { TransferError } from './transfer-error';

/** How much of a file's start is inspected to decide whether it is CSV text. */
export const SNIFF_BYTES = 64 * 1024;

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Length of `bytes` without a multi-byte UTF-8 sequence that the cut at the end left incomplete. */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) !== 0x80) {
      // a lead byte (or ASCII): how long should its sequence be?
      const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return expected > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

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
 * Throws TransferError `not-csv` (binary, not UTF-8) or `wrong-header` (empty, no header line).
 */
export function sniffCsvHeader(file: string, head: Buffer, wholeFile: boolean): string[] {
  if (head.length === 0) {
    throw new TransferError('wrong-header', `${file} is empty: a CSV export needs at least a header line. Re-export the file.`);
  }
  const nul = head.indexOf(0);
  if (nul !== -1) {
    throw new TransferError('not-csv', `${file} is not CSV text: it contains a NUL byte at offset ${nul} (binary content). Check that the right file was exported.`);
  }
  const text = head.subarray(head.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0, wholeFile ? head.length : completeUtf8Length(head));
  if (!isUtf8(text)) {
    throw new TransferError('not-csv', `${file} is not CSV text: its first ${head.length} bytes are not valid UTF-8. Export it as UTF-8.`);
  }
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
    throw new TransferError('wrong-header', `${file} has no header line within its first ${SNIFF_BYTES} bytes. Check that it is a CSV export with a header row.`);
  }
  const line = text.toString('utf8', 0, end === -1 ? text.length : end).replace(/\r$/, '');
  if (line.trim() === '') {
    throw new TransferError('wrong-header', `${file} starts with an empty line where the header should be. Re-export it with a header row.`);
  }
  return parseCsvLine(line);
}
