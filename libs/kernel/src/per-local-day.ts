import { localDate } from './local-date';

/**
 * `build(now)` made once per local day and reused until the day changes: for what depends on `now` only through its
 * local date (a request schema judging a resident's birth date against today, say) and costs too much to make on
 * every call of a hot path. It keeps the last day's value only.
 */
export function perLocalDay<T>(build: (now: Date) => T): (now: Date) => T {
  let last: { day: string; value: T } | undefined;
  return (now) => {
    const day = localDate(now);
    if (last?.day !== day) last = { day, value: build(now) };
    return last.value;
  };
}
