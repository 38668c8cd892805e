import { Random, hashLabel, hashUnit, seedKey } from '../random/random';
import { WeightedPicker } from '../random/weighted-picker';
import { SECONDS_PER_DAY, dayNumber } from '../time/calendar';
import type { CustomerRecord } from './customer-record';
import { CITY_NAMES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, STREET_NAMES, STREET_SUFFIXES } from './names';
import { US_STATES } from './us-states';

const GOLDEN = 0.6180339887498949;
const GIVEN_LOWER = FIRST_NAMES.map((n) => n.toLowerCase());
const FAMILY_LOWER = LAST_NAMES.map((n) => n.toLowerCase().replace(/[^a-z]/g, ''));
const MILITARY_CITIES = ['APO', 'FPO', 'DPO'];
const CREATED_FIRST = dayNumber(2015, 1, 1) * SECONDS_PER_DAY;
const CREATED_SPAN = (dayNumber(2019, 12, 31) - dayNumber(2015, 1, 1)) * SECONDS_PER_DAY;

/**
 * The CRM export of `count` customer records as a pure function of the record index, so any
 * record can be computed without reading the file. Exactly `duplicates` records repeat the
 * email (and name) of an earlier record: one in each of `duplicates` equal blocks, never at a
 * block's first position, pointing at an earlier record that is itself a first occurrence.
 */
export class CustomerSource {
  private readonly key: number;
  private readonly random = new Random(0);
  private readonly stateCdf: Float64Array;
  private readonly stateOffset: number;

  constructor(
    seed: number,
    readonly count: number,
    readonly duplicates: number,
  ) {
    if (duplicates * 2 > count) throw new RangeError(`${duplicates} duplicates do not fit in ${count} records`);
    this.key = seedKey(seed) ^ hashLabel('customers');
    const total = US_STATES.reduce((s, st) => s + st.weight, 0);
    let acc = 0;
    this.stateCdf = Float64Array.from(US_STATES, (st) => (acc += st.weight / total));
    this.stateOffset = hashUnit(this.key, 0x5eed);
  }

  private blockStart(block: number): number {
    return Math.floor((block * this.count) / this.duplicates);
  }

  private blockOf(index: number): number {
    let b = Math.floor((index * this.duplicates) / this.count);
    while (b + 1 < this.duplicates && this.blockStart(b + 1) <= index) b++;
    while (b > 0 && this.blockStart(b) > index) b--;
    return b;
  }

  /** Index of the duplicate record of a block. */
  private duplicateIn(block: number): number {
    const start = this.blockStart(block);
    const size = this.blockStart(block + 1) - start;
    return start + 1 + Math.floor(hashUnit(this.key ^ 0xd0b1e, block) * (size - 1));
  }

  isDuplicate(index: number): boolean {
    return this.duplicates > 0 && this.duplicateIn(this.blockOf(index)) === index;
  }

  /** The index of the first record with this record's email (itself unless it is a duplicate). */
  firstOccurrence(index: number): number {
    if (!this.isDuplicate(index)) return index;
    let j = Math.floor(hashUnit(this.key ^ 0x0419, index) * index);
    if (this.isDuplicate(j)) j--;
    return j;
  }

  /** State of a record: a low-discrepancy walk over the population weights, so rare codes still appear. */
  stateIndex(index: number): number {
    const u = (this.stateOffset + index * GOLDEN) % 1;
    let lo = 0;
    let hi = this.stateCdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < (this.stateCdf[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  record(index: number): CustomerRecord {
    const first = this.firstOccurrence(index);
    const r = this.random;
    // Name and email belong to the email's first occurrence; the rest to this record.
    r.reseed(this.key, first);
    const given = r.int(FIRST_NAMES.length);
    const family = r.int(LAST_NAMES.length);
    const style = r.int(3);
    const domain = r.int(EMAIL_DOMAINS.length);
    if (first !== index) {
      r.reseed(this.key, index);
      r.int(1);
      r.int(1);
      r.int(1);
      r.int(1);
    }
    const id = first + 1;
    const g = GIVEN_LOWER[given] as string;
    const f = FAMILY_LOWER[family] as string;
    const user = style === 0 ? `${g}.${f}${id}` : style === 1 ? `${g[0]}${f}${id}` : `${g}_${f}${id}`;
    const state = US_STATES[this.stateIndex(index)] as (typeof US_STATES)[number];
    const [zipLo, zipHi] = state.zip;
    const zip = (zipLo + r.int(zipHi - zipLo + 1)) * 100 + r.int(100);
    const phone = `(${r.between(201, 989)}) ${r.between(200, 999)}-${r.between(1000, 9999)}`;
    let address: string;
    let city: string;
    if (state.military) {
      address = `Unit ${r.between(1000, 9999)} Box ${r.between(100, 9999)}`;
      city = MILITARY_CITIES[r.int(MILITARY_CITIES.length)] as string;
    } else {
      address = `${r.between(100, 9999)} ${STREET_NAMES[r.int(STREET_NAMES.length)]} ${STREET_SUFFIXES[r.int(STREET_SUFFIXES.length)]}`;
      if (r.chance(0.12)) address += `, Apt ${r.between(1, 450)}`;
      city = CITY_NAMES[r.int(CITY_NAMES.length)] as string;
    }
    const createdAt = CREATED_FIRST + r.int(CREATED_SPAN);
    const updatedAt = createdAt + (r.chance(0.6) ? 0 : r.int(400 * SECONDS_PER_DAY));
    return {
      customerId: index + 1,
      firstName: FIRST_NAMES[given] as string,
      lastName: LAST_NAMES[family] as string,
      email: `${user}@${EMAIL_DOMAINS[domain]}`,
      phone,
      address,
      city,
      state: state.code,
      zipCode: zip < 10_000 ? (zip < 1_000 ? `00${zip}` : `0${zip}`) : String(zip),
      createdAt,
      updatedAt,
    };
  }
}

/** Picks customers for orders: a few fleet accounts order a lot, most customers now and then. */
export function customerPicker(customerCount: number, random: Random): WeightedPicker {
  const weights: number[] = [];
  for (let i = 0; i < customerCount; i++) weights.push(Math.pow(1 - random.next(), -0.6));
  return new WeightedPicker(weights);
}
