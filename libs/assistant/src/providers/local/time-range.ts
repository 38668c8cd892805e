import type { TimeRange } from '../../contract/answer';

/** The data's own calendar: the first and the latest order day (YYYY-MM-DD). */
export interface DataCalendar {
  readonly firstDay: string;
  readonly lastDay: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const MONTH_PATTERN = `(${MONTHS.map((m) => `${m}|${m.slice(0, 3)}`).join('|')})`;

const pad = (n: number) => String(n).padStart(2, '0');
const day = (year: number, month: number, d = 1) => {
  const date = new Date(Date.UTC(year, month - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};
const monthName = (month: number) => {
  const name = MONTHS[month - 1] ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
};
const monthIndex = (word: string) => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3))) + 1;

function monthRange(year: number, month: number, note = ''): TimeRange {
  return { from: day(year, month), to: day(year, month + 1), label: `${monthName(month)} ${year}${note}` };
}
function yearRange(year: number, note = ''): TimeRange {
  return { from: day(year, 1), to: day(year + 1, 1), label: `${year}${note}` };
}
function quarterRange(year: number, quarter: number, note = ''): TimeRange {
  return { from: day(year, quarter * 3 - 2), to: day(year, quarter * 3 + 1), label: `Q${quarter} ${year}${note}` };
}

/** A phrase of a question that names a period, where it starts, and the period. */
interface Found {
  readonly at: number;
  readonly end: number;
  readonly range: TimeRange;
}

/** Words that name a period after the data ends: the data cannot answer them. */
export const FUTURE_PATTERN =
  /\b(next (month|year|quarter|week)|tomorrow|forecast|predict|will (we|be)|in the future)\b/i;

/**
 * The periods a question names, in the order it names them, resolved against the data's own
 * calendar: "this month" is the latest month with orders, "last month" the one before, "this
 * year" the latest year with orders; "March 2024", "2023", "Q1 2024", "the last 3 months", "all
 * time". Each label says what the period is and, for relative words, that it is the data's latest.
 */
export function findTimeRanges(question: string, calendar: DataCalendar): TimeRange[] {
  const text = question.toLowerCase();
  const [lastYear, lastMonth] = calendar.lastDay.split('-').map(Number) as [number, number];
  const lastQuarter = Math.ceil(lastMonth / 3);
  const found: Found[] = [];
  const add = (pattern: RegExp, make: (m: RegExpExecArray) => TimeRange | undefined) => {
    for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      const overlaps = found.some((f) => at < f.end && f.at < end);
      const range = overlaps ? undefined : make(m as RegExpExecArray);
      if (range) found.push({ at, end, range });
    }
  };
  const latest = ' (the latest month with orders)';
  add(/\b(this|current|the latest|latest) month\b/, () => monthRange(lastYear, lastMonth, latest));
  add(/\b(last|previous|prior) month\b/, () =>
    monthRange(
      lastMonth === 1 ? lastYear - 1 : lastYear,
      lastMonth === 1 ? 12 : lastMonth - 1,
      ' (the month before the latest month with orders)',
    ),
  );
  add(/\b(this|current|the latest|latest) year\b|\bytd\b|\byear to date\b/, () =>
    yearRange(lastYear, ' (the latest year with orders)'),
  );
  add(/\b(last|previous|prior) year\b/, () =>
    yearRange(lastYear - 1, ' (the year before the latest year with orders)'),
  );
  add(/\b(this|current) quarter\b/, () => quarterRange(lastYear, lastQuarter, ' (the latest quarter with orders)'));
  add(/\b(last|previous|prior) quarter\b/, () =>
    lastQuarter === 1 ? quarterRange(lastYear - 1, 4) : quarterRange(lastYear, lastQuarter - 1),
  );
  add(/\b(?:last|past|previous) (\d{1,2}) months\b/, (m) => {
    const n = Number(m[1]);
    const start = new Date(Date.UTC(lastYear, lastMonth - n, 1));
    return {
      from: day(start.getUTCFullYear(), start.getUTCMonth() + 1),
      to: day(lastYear, lastMonth + 1),
      label: `the last ${n} months with orders (${monthName(start.getUTCMonth() + 1)} ${start.getUTCFullYear()} to ${monthName(lastMonth)} ${lastYear})`,
    };
  });
  add(/\bq([1-4])\s*(?:of\s*)?(20\d\d)\b/, (m) => quarterRange(Number(m[2]), Number(m[1])));
  add(new RegExp(`\\b${MONTH_PATTERN}\\.?,?\\s+(?:of\\s+)?(20\\d\\d)\\b`), (m) =>
    monthRange(Number(m[2]), monthIndex(m[1] ?? '')),
  );
  add(/\b(20\d\d)\b/, (m) => yearRange(Number(m[1])));
  add(new RegExp(`\\b(?:in|during|for)\\s+${MONTH_PATTERN}\\b`), (m) => {
    const month = monthIndex(m[1] ?? '');
    return monthRange(month <= lastMonth ? lastYear : lastYear - 1, month, ' (its latest occurrence in the data)');
  });
  add(/\b(all time|ever|overall|in total|all years)\b/, () => ({
    from: calendar.firstDay,
    to: nextDay(calendar.lastDay),
    label: `all orders (${calendar.firstDay} to ${calendar.lastDay})`,
  }));
  return found.sort((a, b) => a.at - b.at).map((f) => f.range);
}

export function nextDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The whole data range, for questions that name no period. */
export function wholeRange(calendar: DataCalendar): TimeRange {
  return {
    from: calendar.firstDay,
    to: nextDay(calendar.lastDay),
    label: `all orders (${calendar.firstDay} to ${calendar.lastDay})`,
  };
}
