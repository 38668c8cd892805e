import { Random } from '../random/random';
import type { CustomerRecord } from './customer-record';
import type { CustomerSource } from './customer-source';
import { US_STATES } from './us-states';

/**
 * The PostgreSQL customers: `count` records sampled from the CRM export, one row per email
 * (a sampled duplicate stands for the email's first occurrence), covering min(59, count)
 * states: one customer per state first (populous states first when fewer), then random picks.
 * Returned sorted by customer id.
 */
export function sampleCustomers(source: CustomerSource, count: number, seed: number): CustomerRecord[] {
  const random = Random.stream(seed, 'customer-sample');
  const chosen = new Set<number>();
  const wantedStates = Math.min(US_STATES.length, count);
  const stateOrder = US_STATES.map((s, i) => ({ i, key: Math.pow(random.next(), 1 / s.weight) }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .map((s) => s.i);
  let statesCovered = 0;
  for (const state of stateOrder) {
    if (statesCovered === wantedStates) break;
    const start = random.int(source.count);
    for (let k = 0; k < source.count; k++) {
      const i = (start + k) % source.count;
      if (source.stateIndex(i) === state && !source.isDuplicate(i) && !chosen.has(i)) {
        chosen.add(i);
        statesCovered++;
        break;
      }
    }
  }
  const coveredStates = new Set([...chosen].map((i) => source.stateIndex(i)));
  while (chosen.size < count) {
    const i = source.firstOccurrence(random.int(source.count));
    if (chosen.has(i)) continue;
    // Until every wanted state is covered, extra picks must not add a state beyond the plan.
    if (coveredStates.size >= wantedStates && !coveredStates.has(source.stateIndex(i))) continue;
    chosen.add(i);
    coveredStates.add(source.stateIndex(i));
  }
  return [...chosen].sort((a, b) => a - b).map((i) => source.record(i));
}
