import { CdcError } from '../cdc-error';
import { type Lsn, formatLsn, parseLsn } from '../lsn';
import { type ChangePosition, cdcStateKeys } from '@autocorp/lake-storage';
import type { ObjectStore } from '../lake/object-store';
import type { TableState } from './table-state';

/** What `state/cdc/<slot>/position.json` holds. */
export interface CdcState {
  readonly slotName: string;
  readonly publicationName: string;
  /** The slot's consistent point: the full load holds exactly the transactions committed before it. */
  readonly consistentPoint: Lsn;
  /** Every change at or below this position is durably in the raw zone. */
  readonly position: ChangePosition;
  /** End LSN of the last whole transaction in the raw zone; acknowledged to PostgreSQL as flushed. */
  readonly ackLsn: Lsn;
  /** Commit time of the change at `position` (ISO), when one was streamed. */
  readonly lastCommitTime?: string;
  readonly updatedAt: string;
  readonly tables: Readonly<Record<string, TableState>>;
}

interface StoredState {
  readonly version: 1;
  readonly slotName: string;
  readonly publicationName: string;
  readonly consistentPoint: string;
  readonly position: { readonly lsn: string; readonly seq: number };
  readonly ackLsn: string;
  readonly lastCommitTime?: string;
  readonly updatedAt: string;
  readonly tables: Record<string, TableState>;
}

export async function readCdcState(store: ObjectStore, slotName: string): Promise<CdcState | undefined> {
  const key = cdcStateKeys(slotName).position;
  if (!(await store.head(key))) return undefined;
  const text = (await store.getBytes(key)).toString('utf8');
  try {
    const stored = JSON.parse(text) as StoredState;
    return {
      slotName: stored.slotName,
      publicationName: stored.publicationName,
      consistentPoint: parseLsn(stored.consistentPoint),
      position: { lsn: parseLsn(stored.position.lsn), seq: stored.position.seq },
      ackLsn: parseLsn(stored.ackLsn),
      lastCommitTime: stored.lastCommitTime,
      updatedAt: stored.updatedAt,
      tables: stored.tables,
    };
  } catch (error) {
    throw new CdcError(
      'state-corrupt',
      `The CDC state ${store.uri}/${key} cannot be read (${(error as Error).message}). Run dropCdc for slot "${slotName}" and start again with a full load.`,
      { cause: error },
    );
  }
}

/** Writes position.json atomically (the store's put is atomic and durable). */
export async function writeCdcState(store: ObjectStore, state: CdcState): Promise<void> {
  const stored: StoredState = {
    version: 1,
    slotName: state.slotName,
    publicationName: state.publicationName,
    consistentPoint: formatLsn(state.consistentPoint),
    position: { lsn: formatLsn(state.position.lsn), seq: state.position.seq },
    ackLsn: formatLsn(state.ackLsn),
    lastCommitTime: state.lastCommitTime,
    updatedAt: state.updatedAt,
    tables: { ...state.tables },
  };
  await store.put(cdcStateKeys(state.slotName).position, `${JSON.stringify(stored, null, 2)}\n`, {
    contentType: 'application/json',
  });
}
