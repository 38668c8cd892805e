import { Random, hashLabel, hashUnit, seedKey } from '../random/random';
import { WeightedPicker } from '../random/weighted-picker';
import { SECONDS_PER_DAY, dayNumber } from '../time/calendar';
import type { ByteWriter } from '../io/byte-writer';
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
  private readonly drawn = emptyDraw();

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

  /** Draws every random choice of a record into `this.drawn` (names and email from the first occurrence). */
  private draw(index: number): CustomerDraw {
    const first = this.firstOccurrence(index);
    const r = this.random;
    const d = this.drawn;
    r.reseed(this.key, first);
    d.given = r.int(FIRST_NAMES.length);
    d.family = r.int(LAST_NAMES.length);
    d.style = r.int(3);
    d.domain = r.int(EMAIL_DOMAINS.length);
    if (first !== index) {
      // The rest belongs to this record: same stream position as if it were a first occurrence.
      r.reseed(this.key, index);
      r.int(1);
      r.int(1);
      r.int(1);
      r.int(1);
    }
    d.customerId = index + 1;
    d.emailId = first + 1;
    d.state = this.stateIndex(index);
    const state = US_STATES[d.state] as (typeof US_STATES)[number];
    const [zipLo, zipHi] = state.zip;
    d.zip = (zipLo + r.int(zipHi - zipLo + 1)) * 100 + r.int(100);
    d.area = r.between(201, 989);
    d.exchange = r.between(200, 999);
    d.line = r.between(1000, 9999);
    d.military = state.military === true;
    if (d.military) {
      d.house = r.between(1000, 9999);
      d.street = r.between(100, 9999);
      d.suffix = 0;
      d.apartment = 0;
      d.city = r.int(MILITARY_CITIES.length);
    } else {
      d.house = r.between(100, 9999);
      d.street = r.int(STREET_NAMES.length);
      d.suffix = r.int(STREET_SUFFIXES.length);
      d.apartment = r.chance(0.12) ? r.between(1, 450) : 0;
      d.city = r.int(CITY_NAMES.length);
    }
    d.createdAt = CREATED_FIRST + r.int(CREATED_SPAN);
    d.updatedAt = d.createdAt + (r.chance(0.6) ? 0 : r.int(400 * SECONDS_PER_DAY));
    return d;
  }

  record(index: number): CustomerRecord {
    const d = this.draw(index);
    const g = GIVEN_LOWER[d.given] as string;
    const f = FAMILY_LOWER[d.family] as string;
    const user =
      d.style === 0 ? `${g}.${f}${d.emailId}` : d.style === 1 ? `${g[0]}${f}${d.emailId}` : `${g}_${f}${d.emailId}`;
    const address = d.military
      ? `Unit ${d.house} Box ${d.street}`
      : `${d.house} ${STREET_NAMES[d.street]} ${STREET_SUFFIXES[d.suffix]}${d.apartment > 0 ? `, Apt ${d.apartment}` : ''}`;
    return {
      customerId: d.customerId,
      firstName: FIRST_NAMES[d.given] as string,
      lastName: LAST_NAMES[d.family] as string,
      email: `${user}@${EMAIL_DOMAINS[d.domain]}`,
      phone: `(${d.area}) ${d.exchange}-${d.line}`,
      address,
      city: (d.military ? MILITARY_CITIES[d.city] : CITY_NAMES[d.city]) as string,
      state: (US_STATES[d.state] as (typeof US_STATES)[number]).code,
      zipCode: String(d.zip).padStart(5, '0'),
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    };
  }

  /**
   * Renders record `index` as a customers.csv row straight into bytes: the same text as
   * formatting `record(index)` (a test holds the two together), without building strings.
   */
  writeCsvRow(w: ByteWriter, index: number): void {
    const d = this.draw(index);
    const g = GIVEN_LOWER[d.given] as string;
    w.uint(d.customerId)
      .comma()
      .text(FIRST_NAMES[d.given] as string)
      .comma()
      .text(LAST_NAMES[d.family] as string)
      .comma();
    if (d.style === 1) w.byte(g.charCodeAt(0));
    else w.text(g).byte(d.style === 0 ? 46 : 95);
    w.text(FAMILY_LOWER[d.family] as string)
      .uint(d.emailId)
      .byte(64)
      .text(EMAIL_DOMAINS[d.domain] as string)
      .comma();
    w.byte(40).uint(d.area).text(') ').uint(d.exchange).byte(45).uint(d.line).comma();
    if (d.military) w.text('Unit ').uint(d.house).text(' Box ').uint(d.street);
    else {
      if (d.apartment > 0) w.byte(34);
      w.uint(d.house)
        .byte(32)
        .text(STREET_NAMES[d.street] as string)
        .byte(32)
        .text(STREET_SUFFIXES[d.suffix] as string);
      if (d.apartment > 0) w.text(', Apt ').uint(d.apartment).byte(34);
    }
    w.comma()
      .text((d.military ? MILITARY_CITIES[d.city] : CITY_NAMES[d.city]) as string)
      .comma();
    w.text((US_STATES[d.state] as (typeof US_STATES)[number]).code)
      .comma()
      .padded(d.zip, 5)
      .comma();
    w.timestamp(d.createdAt).comma().timestamp(d.updatedAt).newline();
  }
}

/** The random choices behind one record, reused from record to record. */
interface CustomerDraw {
  customerId: number;
  emailId: number;
  given: number;
  family: number;
  style: number;
  domain: number;
  state: number;
  zip: number;
  area: number;
  exchange: number;
  line: number;
  military: boolean;
  house: number;
  street: number;
  suffix: number;
  apartment: number;
  city: number;
  createdAt: number;
  updatedAt: number;
}

function emptyDraw(): CustomerDraw {
  return {
    customerId: 0,
    emailId: 0,
    given: 0,
    family: 0,
    style: 0,
    domain: 0,
    state: 0,
    zip: 0,
    area: 0,
    exchange: 0,
    line: 0,
    military: false,
    house: 0,
    street: 0,
    suffix: 0,
    apartment: 0,
    city: 0,
    createdAt: 0,
    updatedAt: 0,
  };
}

/** Picks customers for orders: a few fleet accounts order a lot, most customers now and then. */
export function customerPicker(customerCount: number, random: Random): WeightedPicker {
  const weights: number[] = [];
  for (let i = 0; i < customerCount; i++) weights.push(Math.pow(1 - random.next(), -0.6));
  return new WeightedPicker(weights);
}
