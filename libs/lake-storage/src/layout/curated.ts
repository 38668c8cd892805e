import { validateKey } from '../keys';
import { ZONES, keySegment } from './zones';

/** `curated/<table>/` : the root of one curated (Hudi) table. */
export function curatedTablePrefix(table: string): string {
  return `${ZONES.curated}${keySegment('table name', table)}/`;
}

/** `curated/<table>` : a curated table's folder, as a path (no trailing "/"). */
export function curatedTableFolder(table: string): string {
  return curatedTablePrefix(table).slice(0, -1);
}

/** `curated/<table>/<relative path>` */
export function curatedKey(table: string, relativePath: string): string {
  return validateKey(`${curatedTablePrefix(table)}${relativePath}`);
}
