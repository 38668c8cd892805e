import type { Random } from '../random/random';
import { ORDER_FIRST_DAY, ORDER_LAST_DAY, calendarDay, dayNumber } from './calendar';

/** Monday is a busy day, Saturday the busiest, Sunday mostly closed. Index 0 = Sunday. */
const WEEKDAY = [0.3, 1.1, 1.0, 0.95, 1.0, 1.1, 1.25];
/** Spring and summer driving season are busier; the holidays are quiet. Index 0 = January. */
const MONTH = [0.82, 0.85, 1.0, 1.08, 1.12, 1.15, 1.12, 1.1, 1.0, 0.96, 0.9, 0.86];

function isHoliday(year: number, month: number, dayOfMonth: number, weekday: number): boolean {
  if (month === 1 && dayOfMonth === 1) return true;
  if (month === 7 && dayOfMonth === 4) return true;
  if (month === 12 && dayOfMonth === 25) return true;
  // Thanksgiving: the fourth Thursday of November.
  return month === 11 && weekday === 4 && dayOfMonth >= 22 && dayOfMonth <= 28 && year > 0;
}

/**
 * Relative order volume of every day 2020-01-01 .. 2025-12-31: weekly and yearly seasonality,
 * growth of about 6 % a year, the spring 2020 lockdown dip, holidays, and day-to-day noise.
 */
export function orderDayWeights(random: Random): Float64Array {
  const weights = new Float64Array(ORDER_LAST_DAY - ORDER_FIRST_DAY + 1);
  const lockdownStart = dayNumber(2020, 3, 20);
  const lockdownEnd = dayNumber(2020, 5, 31);
  for (let d = ORDER_FIRST_DAY; d <= ORDER_LAST_DAY; d++) {
    const c = calendarDay(d);
    let w = (WEEKDAY[c.weekday] as number) * (MONTH[c.month - 1] as number);
    w *= 1 + 0.06 * ((d - ORDER_FIRST_DAY) / 365.25);
    if (d >= lockdownStart && d <= lockdownEnd) w *= 0.55;
    if (isHoliday(c.year, c.month, c.dayOfMonth, c.weekday)) w *= 0.05;
    w *= 0.9 + 0.2 * random.next();
    weights[d - ORDER_FIRST_DAY] = w;
  }
  return weights;
}
