/**
 * Time is counted in whole seconds since 2015-01-01 00:00:00 (no time zone: the source
 * database uses `timestamp without time zone`). Formatting goes through lookup tables, never
 * through locale-dependent Date formatting.
 */
export const SECONDS_PER_DAY = 86_400;
const EPOCH_MS = Date.UTC(2015, 0, 1);
/** Days the calendar tables cover: 2015 .. 2028. */
export const CALENDAR_DAYS = 366 * 14;

/** Day number (since 2015-01-01) of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / 86_400_000);
}

/** First and last day of the order history: 2020-01-01 .. 2025-12-31. */
export const ORDER_FIRST_DAY = dayNumber(2020, 1, 1);
export const ORDER_LAST_DAY = dayNumber(2025, 12, 31);

export interface CalendarDay {
  readonly text: string;
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly dayOfMonth: number;
  /** 0 = Sunday .. 6 = Saturday */
  readonly weekday: number;
}

let days: CalendarDay[] | undefined;
let times: string[] | undefined;

export function calendarDay(day: number): CalendarDay {
  if (!days) {
    days = [];
    for (let d = 0; d < CALENDAR_DAYS; d++) {
      const date = new Date(EPOCH_MS + d * 86_400_000);
      days.push({
        text: date.toISOString().slice(0, 10),
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        dayOfMonth: date.getUTCDate(),
        weekday: date.getUTCDay(),
      });
    }
  }
  const found = days[day];
  if (!found) throw new RangeError(`day ${day} is outside the generator calendar (2015..2028)`);
  return found;
}

function timeOfDay(second: number): string {
  if (!times) {
    times = new Array<string>(SECONDS_PER_DAY);
    for (let s = 0; s < SECONDS_PER_DAY; s++) {
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const sec = s % 60;
      times[s] = `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${sec < 10 ? '0' : ''}${sec}`;
    }
  }
  return times[second] as string;
}

/** "YYYY-MM-DD HH:MM:SS" for a second count since 2015-01-01. */
export function formatTimestamp(t: number): string {
  const day = Math.floor(t / SECONDS_PER_DAY);
  return `${calendarDay(day).text} ${timeOfDay(t - day * SECONDS_PER_DAY)}`;
}
