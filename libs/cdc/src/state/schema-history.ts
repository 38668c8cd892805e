import { formatLsn, type Lsn } from '../lsn';
import type { SourceColumn } from '../lake/column-types';
import { lakeType } from '../lake/column-types';
import { cdcStateKeys } from '@autocorp/lake-storage';
import type { ObjectStore } from '../lake/object-store';

/** One line of `state/cdc/<slot>/schema-history.jsonl`. */
export interface SchemaEvent {
  /** `initial` at the full load, `relation` when the stream reports a new shape, `truncate` for TRUNCATE. */
  readonly event: 'initial' | 'relation' | 'truncate';
  readonly table: string;
  /** Commit LSN of the first transaction that uses the shape (or that truncated). */
  readonly lsn: string;
  readonly at: string;
  readonly columns?: readonly LakeColumn[];
}

/** A column as the raw zone writes it. */
export interface LakeColumn extends SourceColumn {
  readonly lakeType: string;
}

export function toLakeColumns(columns: readonly SourceColumn[]): LakeColumn[] {
  return columns.map((c) => ({
    name: c.name,
    typeOid: c.typeOid,
    typeMod: c.typeMod,
    isKey: c.isKey,
    lakeType: lakeType(c),
  }));
}

/** The schema history of a slot, kept in memory and rewritten whole (objects cannot be appended to). */
export class SchemaHistory {
  private pending = false;

  private constructor(
    private readonly store: ObjectStore,
    private readonly slotName: string,
    private readonly events: SchemaEvent[],
    private readonly current: Map<string, { lsn: string; columns: readonly LakeColumn[] }>,
  ) {}

  static async load(store: ObjectStore, slotName: string): Promise<SchemaHistory> {
    const keys = cdcStateKeys(slotName);
    const events: SchemaEvent[] = [];
    if (await store.head(keys.schemaHistory)) {
      const text = (await store.getBytes(keys.schemaHistory)).toString('utf8');
      for (const line of text.split('\n')) if (line.trim() !== '') events.push(JSON.parse(line) as SchemaEvent);
    }
    const current = new Map<string, { lsn: string; columns: readonly LakeColumn[] }>();
    for (const e of events) if (e.columns) current.set(e.table, { lsn: e.lsn, columns: e.columns });
    return new SchemaHistory(store, slotName, events, current);
  }

  currentColumns(table: string): readonly LakeColumn[] | undefined {
    return this.current.get(table)?.columns;
  }

  get allEvents(): readonly SchemaEvent[] {
    return this.events;
  }

  /**
   * Adds an event. A truncate already recorded for the table at that LSN (a batch replayed after a
   * crash between its files and its position) is not recorded again.
   */
  record(event: SchemaEvent['event'], table: string, lsn: Lsn, columns?: readonly SourceColumn[]): void {
    const lsnText = formatLsn(lsn);
    if (
      event === 'truncate' &&
      this.events.some((e) => e.event === 'truncate' && e.table === table && e.lsn === lsnText)
    )
      return;
    const lakeColumns = columns ? toLakeColumns(columns) : undefined;
    this.events.push({
      event,
      table,
      lsn: formatLsn(lsn),
      at: new Date().toISOString(),
      ...(lakeColumns ? { columns: lakeColumns } : {}),
    });
    if (lakeColumns) this.current.set(table, { lsn: formatLsn(lsn), columns: lakeColumns });
    this.pending = true;
  }

  /** Forgets everything (a new full load starts the history again). */
  reset(): void {
    this.events.length = 0;
    this.current.clear();
    this.pending = true;
  }

  get hasPendingWrites(): boolean {
    return this.pending;
  }

  /** Writes the history and the current shape per table, when anything changed (events recorded meanwhile stay pending). */
  async persist(): Promise<void> {
    if (!this.pending) return;
    this.pending = false;
    const keys = cdcStateKeys(this.slotName);
    const lines = this.events.map((e) => JSON.stringify(e)).join('\n');
    const schemas = `${JSON.stringify(Object.fromEntries(this.current), null, 2)}\n`;
    try {
      await this.store.put(keys.schemaHistory, lines === '' ? '' : `${lines}\n`, {
        contentType: 'application/x-ndjson',
      });
      await this.store.put(keys.schemas, schemas, { contentType: 'application/json' });
    } catch (error) {
      this.pending = true;
      throw error;
    }
  }
}
