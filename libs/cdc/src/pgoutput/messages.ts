import type { Lsn } from '../lsn';

/** One column value of a tuple: text, null, or pgoutput's "unchanged TOAST" placeholder. */
export type TupleValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'null' }
  | { readonly kind: 'unchanged-toast' }
  | { readonly kind: 'binary'; readonly bytes: Buffer };

export type Tuple = readonly TupleValue[];

export interface RelationColumn {
  readonly name: string;
  readonly isKey: boolean;
  readonly typeOid: number;
  readonly typeMod: number;
}

/** Protocol timestamps are microseconds since 2000-01-01 (PostgreSQL epoch). */
export type PgMicros = bigint;

export type PgOutputMessage =
  | { readonly tag: 'begin'; readonly finalLsn: Lsn; readonly commitTime: PgMicros; readonly xid: number }
  | {
      readonly tag: 'commit';
      readonly flags: number;
      readonly commitLsn: Lsn;
      readonly endLsn: Lsn;
      readonly commitTime: PgMicros;
    }
  | { readonly tag: 'origin'; readonly commitLsn: Lsn; readonly name: string }
  | {
      readonly tag: 'relation';
      readonly xid?: number;
      readonly relationId: number;
      readonly namespace: string;
      readonly name: string;
      readonly replicaIdentity: string;
      readonly columns: readonly RelationColumn[];
    }
  | {
      readonly tag: 'type';
      readonly xid?: number;
      readonly typeOid: number;
      readonly namespace: string;
      readonly name: string;
    }
  | { readonly tag: 'insert'; readonly xid?: number; readonly relationId: number; readonly newTuple: Tuple }
  | {
      readonly tag: 'update';
      readonly xid?: number;
      readonly relationId: number;
      /** 'K' key columns only, 'O' the whole old row (REPLICA IDENTITY FULL), absent when no old tuple was sent. */
      readonly oldKind?: 'K' | 'O';
      readonly oldTuple?: Tuple;
      readonly newTuple: Tuple;
    }
  | {
      readonly tag: 'delete';
      readonly xid?: number;
      readonly relationId: number;
      readonly oldKind: 'K' | 'O';
      readonly oldTuple: Tuple;
    }
  | {
      readonly tag: 'truncate';
      readonly xid?: number;
      readonly options: number;
      readonly relationIds: readonly number[];
    }
  | {
      readonly tag: 'message';
      readonly xid?: number;
      readonly transactional: boolean;
      readonly lsn: Lsn;
      readonly prefix: string;
      readonly content: Buffer;
    }
  | { readonly tag: 'stream-start'; readonly xid: number; readonly firstSegment: boolean }
  | { readonly tag: 'stream-stop' }
  | {
      readonly tag: 'stream-commit';
      readonly xid: number;
      readonly flags: number;
      readonly commitLsn: Lsn;
      readonly endLsn: Lsn;
      readonly commitTime: PgMicros;
    }
  | { readonly tag: 'stream-abort'; readonly xid: number; readonly subXid: number };

export type ChangeMessage = Extract<PgOutputMessage, { tag: 'insert' | 'update' | 'delete' }>;
