import { CdcError } from '../cdc-error';
import type { Lsn } from '../lsn';
import { nowPgMicros } from '../pg-time';

/** A CopyData frame from the walsender. */
export type ServerFrame =
  | {
      readonly kind: 'xlog';
      readonly walStart: Lsn;
      readonly walEnd: Lsn;
      readonly sendTime: bigint;
      readonly payload: Buffer;
    }
  | { readonly kind: 'keepalive'; readonly walEnd: Lsn; readonly sendTime: bigint; readonly replyRequested: boolean };

const XLOG_HEADER = 1 + 8 + 8 + 8;
/** First byte of an XLogData frame ('w'). */
export const XLOG_DATA = 0x77;
/** Where the pgoutput message starts inside an XLogData frame. */
export const PAYLOAD_OFFSET = XLOG_HEADER;

export function parseServerFrame(frame: Buffer): ServerFrame {
  const tag = frame[0];
  if (tag === XLOG_DATA && frame.length >= XLOG_HEADER) {
    return {
      kind: 'xlog',
      walStart: frame.readBigUInt64BE(1),
      walEnd: frame.readBigUInt64BE(9),
      sendTime: frame.readBigInt64BE(17),
      payload: frame.subarray(PAYLOAD_OFFSET),
    };
  }
  if (tag === 0x6b /* k */ && frame.length >= 18) {
    return {
      kind: 'keepalive',
      walEnd: frame.readBigUInt64BE(1),
      sendTime: frame.readBigInt64BE(9),
      replyRequested: frame[17] === 1,
    };
  }
  throw new CdcError(
    'protocol',
    `Unknown replication frame type ${tag} of ${frame.length} bytes; expected XLogData (w) or keepalive (k).`,
  );
}

/** Standby status update ('r'): tells the server what is written and flushed, so the slot can advance. */
export function standbyStatusUpdate(written: Lsn, flushed: Lsn, replyRequested = false): Buffer {
  const frame = Buffer.alloc(1 + 8 * 4 + 1);
  frame.writeUInt8(0x72, 0);
  frame.writeBigUInt64BE(written, 1);
  frame.writeBigUInt64BE(flushed, 9);
  frame.writeBigUInt64BE(flushed, 17);
  frame.writeBigInt64BE(nowPgMicros(), 25);
  frame.writeUInt8(replyRequested ? 1 : 0, 33);
  return frame;
}
