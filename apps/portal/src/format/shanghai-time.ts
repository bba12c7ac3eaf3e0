/**
 * The platform stores instants in UTC; people in the city read them in Asia/Shanghai, whatever
 * the time zone of the browser they use.
 */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

/** "2026-12-06 09:05" in Asia/Shanghai; an empty string for no instant. */
export function formatShanghaiDateTime(instant: string | Date | undefined | null): string {
  const parts = shanghaiParts(instant);
  if (!parts) return '';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The local date (YYYY-MM-DD) in Asia/Shanghai of an instant: the day a report is for. */
export function shanghaiDate(instant: string | Date): string {
  const parts = shanghaiParts(instant);
  if (!parts) throw new RangeError(`not an instant: ${String(instant)}`);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Hours (one decimal) between two instants, for "handled in 5.5 h". */
export function hoursBetween(from: string | Date, to: string | Date): number {
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Math.round(ms / 360_000) / 10;
}

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(instant: string | Date | undefined | null): Record<string, string> | null {
  if (instant === undefined || instant === null || instant === '') return null;
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
}
