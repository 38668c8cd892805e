import { CITY_NAMES, STREET_NAMES, STREET_SUFFIXES, US_STATES, WeightedPicker } from '@autocorp/generator';
import type { PlanContext, PlannedTransaction } from './planned-transaction';

/** Civilian states, weighted by population (a customer moving house moves to one of them). */
const CIVILIAN_STATES = US_STATES.filter((s) => s.military !== true);
const STATE_PICKER = new WeightedPicker(CIVILIAN_STATES.map((s) => s.weight));

/** A customer moves house (new address, city, state, ZIP) or changes phone number. */
export function planCustomerUpdate({ state, random, at }: PlanContext): PlannedTransaction | undefined {
  const customerId = state.customerIds[random.int(state.customerIds.length)];
  if (customerId === undefined) return undefined;
  if (random.chance(0.4)) {
    const phone = `(${random.between(201, 989)}) ${random.between(200, 999)}-${random.between(1000, 9999)}`;
    return {
      kind: 'customer-update',
      statements: [
        {
          table: 'customers',
          action: 'update',
          text: 'UPDATE customers SET phone = $1, updated_at = $2 WHERE customer_id = $3',
          values: [phone, at, customerId],
        },
      ],
      apply: () => undefined,
    };
  }
  const usState = CIVILIAN_STATES[STATE_PICKER.pick(random)] as (typeof CIVILIAN_STATES)[number];
  const [zipLo, zipHi] = usState.zip;
  const zip = String((zipLo + random.int(zipHi - zipLo + 1)) * 100 + random.int(100)).padStart(5, '0');
  const address = `${random.between(100, 9999)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}`;
  return {
    kind: 'customer-update',
    statements: [
      {
        table: 'customers',
        action: 'update',
        text: 'UPDATE customers SET address = $1, city = $2, state = $3, zip_code = $4, updated_at = $5 WHERE customer_id = $6',
        values: [address, random.pick(CITY_NAMES), usState.code, zip, at, customerId],
      },
    ],
    apply: () => undefined,
  };
}
