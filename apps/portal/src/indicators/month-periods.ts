/**
 * The months a trend covers, as the local dates (YYYY-MM-DD, Asia/Shanghai) the services are asked for: the
 * services count local days, so a month is asked for as its days.
 */

/** The trend window and the period a month so far is compared with, as local dates (YYYY-MM-DD). */
export interface TrendPeriods {
  /** The first day of the month `months - 1` before today's, through today. */
  trend: { from: string; until: string };
  /** Last month from its first day through today's day of the month (its last, if shorter). */
  lastMonthSoFar: { from: string; until: string };
  /** The months of the trend, oldest first. */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

/** The periods of a trend of `months` months ending with today's (a local date). */
export function trendPeriods(today: string, months: number): TrendPeriods {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const window = Array.from({ length: months }, (_, i) => monthOf(year, month - months + i));
  const lastMonth = monthOf(year, month - 2);
  const lastMonthDays = new Date(Date.UTC(year, month - 1, 0)).getUTCDate();
  return {
    trend: { from: `${window[0]!}-01`, until: today },
    lastMonthSoFar: { from: `${lastMonth}-01`, until: `${lastMonth}-${pad(Math.min(day, lastMonthDays))}` },
    months: window,
  };
}

/** The last `months` months through today's, each from its first day through its last or today. */
export function monthPeriods(
  today: string,
  months: number,
): { month: string; from: string; until: string }[] {
  return trendPeriods(today, months).months.map((month) => {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const last = `${month}-${pad(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate())}`;
    return { month, from: `${month}-01`, until: last < today ? last : today };
  });
}
