import type { CategoryName } from './categories';

/** A kind of part; the catalog holds several variants (manufacturer, grade) of each. */
export interface PartType {
  readonly category: CategoryName;
  readonly name: string;
  /** Typical price range in dollars for the standard grade. */
  readonly price: readonly [number, number];
  /** How many a service usually needs (spark plugs come in fours, oil in quarts). */
  readonly perService: number;
  readonly makers: readonly string[];
}

/** Part types of one category made by one set of manufacturers: [name, low $, high $, per service]. */
export function partTypes(
  category: CategoryName,
  makers: readonly string[],
  rows: [string, number, number, number?][],
): PartType[] {
  return rows.map(([name, lo, hi, perService]) => ({
    category,
    name,
    price: [lo, hi],
    perService: perService ?? 1,
    makers,
  }));
}
