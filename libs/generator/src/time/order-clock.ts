import type { Random } from '../random/random';
import { ORDER_FIRST_DAY, SECONDS_PER_DAY, calendarDay } from './calendar';
import { orderDayWeights } from './day-weights';

/** Relative traffic of the shop's twelve opening hours. */
const HOURLY = [0.6, 1.0, 1.2, 1.1, 1.0, 1.1, 1.0, 0.9, 1.0, 1.1, 0.9, 0.5];
const HOURLY_CDF = (() => {
  const total = HOURLY.reduce((s, w) => s + w, 0);
  let acc = 0;
  return HOURLY.map((w) => (acc += w / total));
})();

/** Maps a uniform in [0, 1) to seconds after opening, following the hourly traffic. */
function secondsIntoOpening(u: number, hours: number): number {
  let h = 0;
  while (h < HOURLY_CDF.length - 1 && u >= (HOURLY_CDF[h] as number)) h++;
  const lo = h === 0 ? 0 : (HOURLY_CDF[h - 1] as number);
  const within = (u - lo) / ((HOURLY_CDF[h] as number) - lo);
  return Math.floor(((h + within) / HOURLY.length) * hours * 3600);
}

/**
 * Hands out `total` order timestamps in chronological order over 2020..2025. Per-day counts
 * follow the seasonal day weights and add up exactly; times within a day are sorted uniform
 * draws (generated in order, so nothing is buffered) shaped by the hourly traffic.
 */
export class OrderClock {
  private readonly cumulative: Float64Array;
  private day = -1;
  private leftToday = 0;
  private maxSoFar = 0;

  constructor(
    private readonly total: number,
    private readonly random: Random,
  ) {
    const weights = orderDayWeights(random);
    const sum = weights.reduce((s, w) => s + w, 0);
    this.cumulative = new Float64Array(weights.length);
    let acc = 0;
    weights.forEach((w, i) => (this.cumulative[i] = acc += w / sum));
  }

  private countOfDay(i: number): number {
    const upto = (k: number) => (k < 0 ? 0 : Math.round(this.total * (this.cumulative[k] as number)));
    return upto(i) - upto(i - 1);
  }

  /** The next order timestamp (seconds since 2015-01-01); call exactly `total` times. */
  next(): number {
    while (this.leftToday === 0) {
      this.day++;
      if (this.day >= this.cumulative.length) throw new RangeError('OrderClock asked for more orders than planned');
      this.leftToday = this.countOfDay(this.day);
      this.maxSoFar = 0;
    }
    // Ascending order statistics of uniforms: the complement of descending ones.
    this.maxSoFar = 1 - (1 - this.maxSoFar) * Math.pow(this.random.next(), 1 / this.leftToday);
    this.leftToday--;
    const dayNumber = ORDER_FIRST_DAY + this.day;
    const sunday = calendarDay(dayNumber).weekday === 0;
    const opening = sunday ? 9 : 7;
    const hours = sunday ? 8 : 12;
    return dayNumber * SECONDS_PER_DAY + opening * 3600 + secondsIntoOpening(Math.min(this.maxSoFar, 0.999999), hours);
  }
}
