import type { Catalog } from './catalog/catalog';
import { CITY_NAMES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, STREET_NAMES, STREET_SUFFIXES } from './customers/names';
import { assertAscii } from './format/ascii';
import { ORDER_NOTES, ORDER_STATUSES, PAYMENT_METHODS } from './orders/order-vocabulary';

/**
 * The writers rely on two facts about every word they use: it is printable ASCII (one byte per
 * character), and the values written unquoted to CSV hold no comma or quote. Checked once per run.
 */
export function checkVocabulary(catalog: Catalog): void {
  const unquoted = [
    ...FIRST_NAMES,
    ...LAST_NAMES,
    ...STREET_NAMES,
    ...STREET_SUFFIXES,
    ...CITY_NAMES,
    ...EMAIL_DOMAINS,
    ...PAYMENT_METHODS,
    ...ORDER_STATUSES,
    ...catalog.parts.map((p) => p.sku),
    ...catalog.services.map((s) => s.serviceid),
  ];
  assertAscii('vocabulary', unquoted);
  const withSeparator = unquoted.find((v) => /[",\t\\]/.test(v));
  if (withSeparator !== undefined)
    throw new RangeError(`vocabulary value ${JSON.stringify(withSeparator)} holds a separator`);
  assertAscii('order note', ORDER_NOTES);
  assertAscii(
    'catalog',
    [...catalog.parts, ...catalog.services].flatMap((x) =>
      'description' in x ? [x.description, x.manufacturer] : [x.name],
    ),
  );
}
