import { CdcError } from '../cdc-error';
import { type SourceColumn, sameColumns } from '../lake/column-types';
import type { Lsn } from '../lsn';
import type { RelationColumn } from '../pgoutput/messages';
import type { SchemaHistory } from '../state/schema-history';

/** A relation as the stream last described it; `version` changes whenever its columns do. */
export interface RelationShape {
  readonly relationId: number;
  readonly table: string;
  readonly columns: readonly SourceColumn[];
  /** `<table>#<n>`: one staging table and one file per shape within a batch. */
  readonly shapeKey: string;
  readonly captured: boolean;
}

/** Tracks Relation messages and records every new table shape in the schema history. */
export class RelationRegistry {
  private readonly byId = new Map<number, RelationShape>();
  private readonly shapeCounter = new Map<string, number>();

  constructor(
    private readonly schema: string,
    private readonly tables: ReadonlySet<string>,
    private readonly history: SchemaHistory,
  ) {}

  /** Registers a Relation message; `lsn` is where the new shape first applies. */
  onRelation(
    relationId: number,
    namespace: string,
    name: string,
    columns: readonly RelationColumn[],
    lsn: Lsn,
  ): RelationShape {
    const captured = namespace === this.schema && this.tables.has(name);
    const sourceColumns: SourceColumn[] = columns.map((c) => ({
      name: c.name,
      typeOid: c.typeOid,
      typeMod: c.typeMod,
      isKey: c.isKey,
    }));
    const previous = this.byId.get(relationId);
    if (previous && previous.table === name && sameColumns(previous.columns, sourceColumns)) return previous;
    if (captured) {
      const known = this.history.currentColumns(name);
      if (!known || !sameColumns(known, sourceColumns)) this.history.record('relation', name, lsn, sourceColumns);
    }
    const n = (this.shapeCounter.get(name) ?? 0) + 1;
    this.shapeCounter.set(name, n);
    const shape: RelationShape = {
      relationId,
      table: name,
      columns: sourceColumns,
      shapeKey: `${name}#${n}`,
      captured,
    };
    this.byId.set(relationId, shape);
    return shape;
  }

  get(relationId: number): RelationShape {
    const shape = this.byId.get(relationId);
    if (!shape) {
      throw new CdcError(
        'protocol',
        `A change refers to relation ${relationId} before any Relation message described it; the replication stream is out of order. Restart CDC.`,
      );
    }
    return shape;
  }
}
