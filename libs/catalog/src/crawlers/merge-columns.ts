import { widenGlueTypes } from '../column-types';
import type { Column } from '../model';

/** Merges the columns several files report: first-seen order, types widened where files disagree. */
export function mergeColumns(perFile: readonly (readonly Column[])[]): Column[] {
  const merged = new Map<string, Column>();
  for (const columns of perFile) {
    for (const col of columns) {
      const seen = merged.get(col.name);
      merged.set(
        col.name,
        seen ? { name: col.name, type: widenGlueTypes(seen.type, col.type) } : { name: col.name, type: col.type },
      );
    }
  }
  return [...merged.values()];
}
