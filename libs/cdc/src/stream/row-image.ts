import { CdcError } from '../cdc-error';
import type { ChangeMessage, Tuple } from '../pgoutput/messages';
import type { RelationShape } from './relation-registry';
import type { Op } from './staging-table';

export interface RowImage {
  readonly op: Op;
  readonly values: (string | null)[];
}

/**
 * The row a change writes to the lake: the new row for inserts and updates (unchanged TOAST
 * values filled from the old row, which REPLICA IDENTITY FULL sends), the old row for deletes.
 */
export function rowImage(change: ChangeMessage, shape: RelationShape): RowImage {
  switch (change.tag) {
    case 'insert':
      return { op: 'I', values: tupleValues(change.newTuple, undefined, shape) };
    case 'update':
      return { op: 'U', values: tupleValues(change.newTuple, change.oldKind === 'O' ? change.oldTuple : undefined, shape) };
    case 'delete':
      return { op: 'D', values: tupleValues(change.oldTuple, undefined, shape) };
  }
}

function tupleValues(tuple: Tuple, old: Tuple | undefined, shape: RelationShape): (string | null)[] {
  const values: (string | null)[] = new Array(shape.columns.length).fill(null);
  for (let i = 0; i < shape.columns.length; i++) {
    const value = tuple[i];
    if (value === undefined || value.kind === 'null') continue;
    if (value.kind === 'text') values[i] = value.text;
    else if (value.kind === 'binary') values[i] = `\\x${value.bytes.toString('hex')}`;
    else {
      const before = old?.[i];
      if (before?.kind === 'text') values[i] = before.text;
      else if (before?.kind === 'null') values[i] = null;
      else {
        throw new CdcError(
          'unchanged-toast',
          `An update of ${shape.table} left column "${shape.columns[i]?.name}" out as unchanged TOAST and sent no old value to fill it from. Run "ALTER TABLE ${shape.table} REPLICA IDENTITY FULL" so updates carry the whole old row, then take a new full load (dropCdc, then start CDC).`,
        );
      }
    }
  }
  return values;
}
