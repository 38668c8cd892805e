import { CdcError } from '../cdc-error';
import { BinaryReader } from './binary-reader';
import type { PgOutputMessage, RelationColumn, Tuple, TupleValue } from './messages';

const NULL_VALUE: TupleValue = { kind: 'null' };
const UNCHANGED_TOAST: TupleValue = { kind: 'unchanged-toast' };

/**
 * Decodes one pgoutput message (protocol versions 1 and 2). `inStream` is true between
 * Stream Start and Stream Stop, where data messages carry the (sub)transaction id first.
 */
export function decodePgOutput(message: Buffer, inStream: boolean): PgOutputMessage {
  const reader = new BinaryReader(message, 1);
  const tag = String.fromCharCode(message[0] ?? 0);
  const streamXid = (): number | undefined => (inStream ? reader.uint32() : undefined);
  switch (tag) {
    case 'B':
      return { tag: 'begin', finalLsn: reader.uint64(), commitTime: reader.int64(), xid: reader.uint32() };
    case 'C':
      return {
        tag: 'commit',
        flags: reader.uint8(),
        commitLsn: reader.uint64(),
        endLsn: reader.uint64(),
        commitTime: reader.int64(),
      };
    case 'O':
      return { tag: 'origin', commitLsn: reader.uint64(), name: reader.cstring() };
    case 'R': {
      const xid = streamXid();
      const relationId = reader.uint32();
      const namespace = reader.cstring();
      const name = reader.cstring();
      const replicaIdentity = String.fromCharCode(reader.uint8());
      const count = reader.int16();
      const columns: RelationColumn[] = [];
      for (let i = 0; i < count; i++) {
        const flags = reader.uint8();
        columns.push({
          isKey: (flags & 1) === 1,
          name: reader.cstring(),
          typeOid: reader.uint32(),
          typeMod: reader.int32(),
        });
      }
      return { tag: 'relation', xid, relationId, namespace, name, replicaIdentity, columns };
    }
    case 'Y': {
      const xid = streamXid();
      return { tag: 'type', xid, typeOid: reader.uint32(), namespace: reader.cstring(), name: reader.cstring() };
    }
    case 'I': {
      const xid = streamXid();
      const relationId = reader.uint32();
      expectByte(reader, 'N', 'Insert');
      return { tag: 'insert', xid, relationId, newTuple: readTuple(reader) };
    }
    case 'U': {
      const xid = streamXid();
      const relationId = reader.uint32();
      let marker = String.fromCharCode(reader.uint8());
      let oldKind: 'K' | 'O' | undefined;
      let oldTuple: Tuple | undefined;
      if (marker === 'K' || marker === 'O') {
        oldKind = marker;
        oldTuple = readTuple(reader);
        marker = String.fromCharCode(reader.uint8());
      }
      if (marker !== 'N') throw unexpected('Update', 'N', marker);
      return { tag: 'update', xid, relationId, oldKind, oldTuple, newTuple: readTuple(reader) };
    }
    case 'D': {
      const xid = streamXid();
      const relationId = reader.uint32();
      const marker = String.fromCharCode(reader.uint8());
      if (marker !== 'K' && marker !== 'O') throw unexpected('Delete', 'K or O', marker);
      return { tag: 'delete', xid, relationId, oldKind: marker, oldTuple: readTuple(reader) };
    }
    case 'T': {
      const xid = streamXid();
      const count = reader.uint32();
      const options = reader.uint8();
      const relationIds: number[] = [];
      for (let i = 0; i < count; i++) relationIds.push(reader.uint32());
      return { tag: 'truncate', xid, options, relationIds };
    }
    case 'M': {
      const xid = streamXid();
      const flags = reader.uint8();
      const lsn = reader.uint64();
      const prefix = reader.cstring();
      const length = reader.uint32();
      return { tag: 'message', xid, transactional: (flags & 1) === 1, lsn, prefix, content: reader.bytes(length) };
    }
    case 'S':
      return { tag: 'stream-start', xid: reader.uint32(), firstSegment: reader.uint8() === 1 };
    case 'E':
      return { tag: 'stream-stop' };
    case 'c':
      return {
        tag: 'stream-commit',
        xid: reader.uint32(),
        flags: reader.uint8(),
        commitLsn: reader.uint64(),
        endLsn: reader.uint64(),
        commitTime: reader.int64(),
      };
    case 'A':
      // Protocol 4 (parallel streaming) appends abort LSN and time; versions 2 and 3 stop here.
      return { tag: 'stream-abort', xid: reader.uint32(), subXid: reader.uint32() };
    default:
      throw new CdcError(
        'protocol',
        `Unknown pgoutput message type "${tag}" (byte ${message[0]}). The slot must be read with proto_version 2 and without two-phase; recreate it with dropCdc if it was made by another tool.`,
      );
  }
}

function readTuple(reader: BinaryReader): Tuple {
  const count = reader.int16();
  const values: TupleValue[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const kind = String.fromCharCode(reader.uint8());
    switch (kind) {
      case 'n':
        values[i] = NULL_VALUE;
        break;
      case 'u':
        values[i] = UNCHANGED_TOAST;
        break;
      case 't': {
        const length = reader.uint32();
        values[i] = { kind: 'text', text: reader.bytes(length).toString('utf8') };
        break;
      }
      case 'b': {
        const length = reader.uint32();
        values[i] = { kind: 'binary', bytes: Buffer.from(reader.bytes(length)) };
        break;
      }
      default:
        throw unexpected('TupleData', "'n', 'u', 't' or 'b'", kind);
    }
  }
  return values;
}

function expectByte(reader: BinaryReader, expected: string, where: string): void {
  const marker = String.fromCharCode(reader.uint8());
  if (marker !== expected) throw unexpected(where, expected, marker);
}

function unexpected(where: string, expected: string, got: string): CdcError {
  return new CdcError(
    'protocol',
    `A pgoutput ${where} message has "${got}" where ${expected} belongs; the stream is corrupt or from an unknown protocol version.`,
  );
}
