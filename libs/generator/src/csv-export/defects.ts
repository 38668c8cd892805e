import type { DefectKind } from '../scale';
import type { Random } from '../random/random';
import type { OrderFileKey } from './csv-files';

/** Where the fields a defect touches sit in each file's rows. */
const COLUMN = {
  orders: { amount: 6, date: 11, quantity: -1, code: -1 },
  parts: { amount: 5, date: 6, quantity: 3, code: 2 },
  services: { amount: 7, date: 8, quantity: 3, code: 2 },
} as const;

const BAD_DATES = [
  '2023-02-30 25:61:00',
  'not a date',
  '31/12/2023 10:00',
  '20231301',
  '2024-13-01T99:00:00',
  'yesterday',
];

/**
 * Turns the fields of a clean row into a dirty one of the given kind (fields are CSV-ready).
 * Unknown customer ids lie above every source record id; unknown codes use prefixes the catalog
 * never has.
 */
export function corruptRow(file: OrderFileKey, kind: DefectKind, fields: string[], random: Random): string {
  const at = COLUMN[file];
  switch (kind) {
    case 'negative-amount':
      fields[at.amount] = `-${fields[at.amount] as string}`;
      break;
    case 'unknown-customer':
      fields[1] = String(90_000_000 + random.int(9_000_000));
      break;
    case 'unparseable-date':
      fields[at.date] = random.pick(BAD_DATES);
      break;
    case 'missing-invoice-number':
      fields[0] = '';
      break;
    case 'unknown-sku':
      fields[at.code] = `ZZZ-${90_000 + random.int(10_000)}`;
      break;
    case 'unknown-serviceid':
      fields[at.code] = `SRV-ZZZ-${String(random.int(1_000)).padStart(3, '0')}`;
      break;
    case 'non-positive-quantity':
      fields[at.quantity] = String(-random.int(3));
      break;
    case 'wrong-column-count':
      if (random.chance(0.5)) fields.pop();
      else fields.push(random.chance(0.5) ? 'EXTRA' : '');
      break;
  }
  return `${fields.join(',')}\n`;
}
