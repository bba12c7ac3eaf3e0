/**
 * Clinic dates are local dates in Asia/Shanghai (docs/architecture.md, data
 * conventions), written YYYY-MM-DD. Instants stay UTC; these helpers turn an
 * instant into the local date and do calendar arithmetic on local dates.
 */
export const CLINIC_TIME_ZONE = 'Asia/Shanghai';

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: CLINIC_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Asia/Shanghai has kept UTC+8 all year, with no daylight saving, since 1992: for an instant in that span its date
// is the UTC date 8 hours later, which is many times cheaper than Intl (a hot path takes the date on every call).
// Earlier instants (and far later ones, should the rules change) go through Intl and its time-zone database.
const FIXED_OFFSET_MS = 8 * 3_600_000;
const FIXED_FROM = Date.UTC(1992, 0, 1);
const FIXED_UNTIL = Date.UTC(2100, 0, 1);

/** The Asia/Shanghai calendar date of an instant. */
export function localDate(instant: Date): string {
  const at = instant.getTime();
  if (at >= FIXED_FROM && at < FIXED_UNTIL) return new Date(at + FIXED_OFFSET_MS).toISOString().slice(0, 10);
  return FORMAT.format(instant);
}

/** The instant a local date starts in Asia/Shanghai (UTC+8 all year, no daylight saving, since 1992). */
export function startOfLocalDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parts(value: string): [number, number, number] {
  return value.split('-').map(Number) as [number, number, number];
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(value: string, days: number): string {
  const [y, m, d] = parts(value);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
export function isoWeekday(value: string): number {
  const day = new Date(`${value}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(value: string, months: number): string {
  const [y, m, d] = parts(value);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

/** Completed years of age on a date. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
