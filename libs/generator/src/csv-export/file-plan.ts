import type { DefectKind } from '../scale';
import type { OrderFileKey } from './csv-files';
import { KindDealer, QuotaSampler } from './quota-sampler';

/**
 * How one order file is made up: its clean version rows, plus exact copies and dirty rows
 * picked uniformly among them (selection sampling), with each defect kind exactly as planned.
 */
export interface FilePlan {
  readonly key: OrderFileKey;
  readonly copies: QuotaSampler;
  readonly dirty: QuotaSampler;
  readonly kinds: KindDealer<DefectKind>;
  readonly exactCopies: number;
  readonly versionRows: number;
  readonly defects: Readonly<Record<string, number>>;
}

export function filePlan(
  key: OrderFileKey,
  kinds: readonly DefectKind[],
  rows: number,
  defects: Readonly<Record<string, number>>,
  dirtyRows: number,
  versionRows: number,
): FilePlan {
  const exactCopies = rows - dirtyRows - versionRows;
  if (exactCopies < 0) throw new RangeError(`${key}: versions (${versionRows}) exceed the row budget`);
  return {
    key,
    copies: new QuotaSampler(exactCopies, versionRows),
    dirty: new QuotaSampler(dirtyRows, versionRows),
    kinds: new KindDealer(kinds, defects),
    exactCopies,
    versionRows,
    defects,
  };
}
