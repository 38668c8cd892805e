import type { DefectKind } from '../scale';
import type { OrderFileKey } from './csv-files';

/**
 * What the shuffle window moves around: one invoice version (its order row and line rows), or
 * a single extra row (an exact copy or a dirty row) for one file.
 */
export class EmissionUnit {
  constructor(
    readonly orders: string,
    readonly orderRows: number,
    readonly parts: string,
    readonly partRows: number,
    readonly services: string,
    readonly serviceRows: number,
    readonly defectFile: OrderFileKey | null = null,
    readonly defect: DefectKind | null = null,
    readonly invoice: string = '',
  ) {}

  static copy(file: OrderFileKey, row: string): EmissionUnit {
    return file === 'orders'
      ? new EmissionUnit(row, 1, '', 0, '', 0)
      : file === 'parts'
        ? new EmissionUnit('', 0, row, 1, '', 0)
        : new EmissionUnit('', 0, '', 0, row, 1);
  }

  static dirty(file: OrderFileKey, row: string, defect: DefectKind, invoice: string): EmissionUnit {
    const c = EmissionUnit.copy(file, row);
    return new EmissionUnit(c.orders, c.orderRows, c.parts, c.partRows, c.services, c.serviceRows, file, defect, invoice);
  }
}
