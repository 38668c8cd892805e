import { type ObjectStore, cdcStateKeys, tryParseLsn } from '@autocorp/lake-storage';
import { EtlError } from '../etl-error';

/** The CDC committed position: every change at or below it is durably in the raw zone. */
export interface CommittedPosition {
  readonly lsn: bigint;
  readonly seq: number;
  readonly text: { readonly lsn: string; readonly seq: number };
}

/** Reads `state/cdc/<slot>/position.json`; undefined when CDC has not committed anything yet. */
export async function readCommittedPosition(store: ObjectStore, slot: string): Promise<CommittedPosition | undefined> {
  const key = cdcStateKeys(slot).position;
  if (!(await store.head(key))) return undefined;
  try {
    const state = JSON.parse((await store.getBytes(key)).toString('utf8')) as {
      position?: { lsn?: string; seq?: number };
    };
    const lsnText = state.position?.lsn;
    const seq = state.position?.seq;
    if (typeof lsnText !== 'string' || typeof seq !== 'number') throw new Error('position.lsn / position.seq missing');
    const lsn = tryParseLsn(lsnText);
    if (lsn === undefined) throw new Error(`position.lsn "${lsnText}" is not a PostgreSQL LSN such as 16/B374D848`);
    return { lsn, seq, text: { lsn: lsnText, seq } };
  } catch (error) {
    throw new EtlError(
      'source-unreadable',
      `The CDC position ${store.uri}/${key} cannot be read (${(error as Error).message}); let the CDC process rewrite it before running ETL.`,
      { cause: error },
    );
  }
}

export function comparePosition(a: { lsn: bigint; seq: number }, b: { lsn: bigint; seq: number }): number {
  if (a.lsn !== b.lsn) return a.lsn < b.lsn ? -1 : 1;
  return a.seq - b.seq;
}
