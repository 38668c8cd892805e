import { CSV_TRANSFER_LEDGER_KEY, type ObjectStore } from '@autocorp/lake-storage';
import { TransferError } from './transfer-error';

/** The last successful transfer of one source file name. */
export interface LedgerEntry {
  readonly file: string;
  readonly key: string;
  readonly bytes: number;
  readonly rows: number;
  /** Physical lines (absent in entries written before it was recorded). */
  readonly lines?: number;
  readonly sha256: string;
  readonly transferredAt: string;
  readonly runId: string;
}

export interface Ledger {
  readonly version: 1;
  readonly files: Record<string, LedgerEntry>;
}

/** The ledger from the store; an empty one when there is none yet. */
export async function readLedger(store: ObjectStore): Promise<Ledger> {
  if ((await store.head(CSV_TRANSFER_LEDGER_KEY)) === undefined) return { version: 1, files: {} };
  const text = (await store.getBytes(CSV_TRANSFER_LEDGER_KEY)).toString('utf8');
  try {
    const ledger = JSON.parse(text) as Ledger;
    if (ledger.version !== 1 || typeof ledger.files !== 'object' || ledger.files === null)
      throw new Error('unknown layout');
    return ledger;
  } catch (error) {
    throw new TransferError(
      'invalid-manifest',
      `The transfer ledger ${store.uri}${CSV_TRANSFER_LEDGER_KEY} is not readable (${(error as Error).message}). Delete it to transfer every file again.`,
      { cause: error },
    );
  }
}

export async function writeLedger(store: ObjectStore, ledger: Ledger): Promise<void> {
  await store.put(CSV_TRANSFER_LEDGER_KEY, `${JSON.stringify(ledger, null, 2)}\n`, { contentType: 'application/json' });
}
