import { CdcError } from '../cdc-error';

const INSERT = 0x49; // I
const UPDATE = 0x55; // U
const DELETE = 0x44; // D
const NEW = 0x4e; // N
const KEY = 0x4b; // K
const OLD = 0x4f; // O
const TEXT = 0x74; // t
const NULL = 0x6e; // n
const UNCHANGED_TOAST = 0x75; // u
const BINARY = 0x62; // b

/** Where the tuples of an Insert, Update or Delete message are, without decoding their values. */
export interface ChangeTuples {
  /** `I`, `U` or `D` as a char code. */
  op: number;
  /** The (sub)transaction id inside a streamed block, else undefined. */
  xid: number | undefined;
  relationId: number;
  /** Offset of the tuple the lake gets: the new row (insert, update), the old row (delete). */
  tuple: number;
  /** Offset of the whole old row (REPLICA IDENTITY FULL) of an update, -1 when none was sent. */
  oldRow: number;
}

/** True for the message types this module reads (the bulk of the stream). */
export function isChangeMessage(buffer: Buffer, start: number): boolean {
  const tag = buffer[start];
  return tag === INSERT || tag === UPDATE || tag === DELETE;
}

/**
 * Reads the header of an Insert, Update or Delete message at `start` into `out` (reused, so the
 * hot path allocates nothing). `inStream`: between Stream Start and Stream Stop, where a
 * transaction id follows the tag.
 */
export function readChangeTuples(buffer: Buffer, start: number, inStream: boolean, out: ChangeTuples): ChangeTuples {
  const end = buffer.length;
  let p = start + 1;
  const op = buffer[start] as number;
  if (inStream) {
    need(p + 4, end);
    out.xid = buffer.readUInt32BE(p);
    p += 4;
  } else out.xid = undefined;
  need(p + 5, end);
  out.relationId = buffer.readUInt32BE(p);
  p += 4;
  out.op = op;
  out.oldRow = -1;
  let marker = buffer[p++] as number;
  if (op === INSERT) {
    if (marker !== NEW) throw unexpected('Insert', 'N', marker);
    out.tuple = p;
    return out;
  }
  if (op === DELETE) {
    if (marker !== KEY && marker !== OLD) throw unexpected('Delete', 'K or O', marker);
    out.tuple = p;
    return out;
  }
  if (marker === KEY || marker === OLD) {
    if (marker === OLD) out.oldRow = p;
    p = skipTuple(buffer, p);
    need(p + 1, end);
    marker = buffer[p++] as number;
  }
  if (marker !== NEW) throw unexpected('Update', 'N', marker);
  out.tuple = p;
  return out;
}

/** Writes `columnCount` CSV fields from the tuple at `change.tuple` (missing trailing columns as NULL). */
export interface TupleFieldSink {
  textField(source: Buffer, start: number, end: number): void;
  stringField(value: string): void;
  nullField(): void;
}

/**
 * Writes the values of the change's tuple as fields, copying the text bytes as they are.
 * Unchanged TOAST values are taken from the old row; `describe(column)` names the table and
 * column for the error when there is none.
 */
export function writeTupleFields(
  sink: TupleFieldSink,
  buffer: Buffer,
  change: ChangeTuples,
  columnCount: number,
  describe: (column: number) => { table: string; column: string },
): void {
  const end = buffer.length;
  let p = change.tuple;
  need(p + 2, end);
  const count = buffer.readInt16BE(p);
  p += 2;
  for (let i = 0; i < count; i++) {
    need(p + 1, end);
    const kind = buffer[p++] as number;
    if (kind === TEXT || kind === BINARY) {
      need(p + 4, end);
      const length = buffer.readUInt32BE(p);
      p += 4;
      need(p + length, end);
      if (i < columnCount) {
        if (kind === TEXT) sink.textField(buffer, p, p + length);
        else sink.stringField(`\\x${buffer.toString('hex', p, p + length)}`);
      }
      p += length;
    } else if (kind === NULL) {
      if (i < columnCount) sink.nullField();
    } else if (kind === UNCHANGED_TOAST) {
      if (i < columnCount) writeOldValue(sink, buffer, change, i, describe);
    } else throw unexpected('TupleData', "'n', 'u', 't' or 'b'", kind);
  }
  for (let i = count; i < columnCount; i++) sink.nullField();
}

function writeOldValue(
  sink: TupleFieldSink,
  buffer: Buffer,
  change: ChangeTuples,
  column: number,
  describe: (column: number) => { table: string; column: string },
): void {
  if (change.oldRow >= 0) {
    let p = change.oldRow;
    const count = buffer.readInt16BE(p);
    p += 2;
    for (let i = 0; i < count; i++) {
      const kind = buffer[p++] as number;
      const hasBytes = kind === TEXT || kind === BINARY;
      const length = hasBytes ? buffer.readUInt32BE(p) : 0;
      if (hasBytes) p += 4;
      if (i === column) {
        if (kind === TEXT) return sink.textField(buffer, p, p + length);
        if (kind === BINARY) return sink.stringField(`\\x${buffer.toString('hex', p, p + length)}`);
        if (kind === NULL) return sink.nullField();
        break;
      }
      p += length;
    }
  }
  const { table, column: name } = describe(column);
  const solution = `Run "ALTER TABLE ${table} REPLICA IDENTITY FULL" so updates carry the whole old row, then take a new full load (dropCdc, then start CDC).`;
  throw new CdcError(
    'unchanged-toast',
    `An update of ${table} left column "${name}" out as unchanged TOAST and sent no old value to fill it from. ${solution}`,
    { solution, table },
  );
}

function skipTuple(buffer: Buffer, start: number): number {
  const end = buffer.length;
  let p = start;
  need(p + 2, end);
  const count = buffer.readInt16BE(p);
  p += 2;
  for (let i = 0; i < count; i++) {
    need(p + 1, end);
    const kind = buffer[p++] as number;
    if (kind === TEXT || kind === BINARY) {
      need(p + 4, end);
      p += 4 + buffer.readUInt32BE(p);
      need(p, end);
    } else if (kind !== NULL && kind !== UNCHANGED_TOAST) throw unexpected('TupleData', "'n', 'u', 't' or 'b'", kind);
  }
  return p;
}

function need(offset: number, end: number): void {
  if (offset > end) {
    throw new CdcError(
      'protocol',
      `A replication message ended early (needed byte ${offset} of ${end}). The server speaks a pgoutput version this decoder does not know; report it with the PostgreSQL version.`,
    );
  }
}

function unexpected(where: string, expected: string, got: number): CdcError {
  return new CdcError(
    'protocol',
    `A pgoutput ${where} message has "${String.fromCharCode(got)}" where ${expected} belongs; the stream is corrupt or from an unknown protocol version.`,
  );
}
