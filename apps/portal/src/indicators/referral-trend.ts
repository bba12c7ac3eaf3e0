import { type ReferralMonthFigures } from '../api/portal-types';

export interface ReferralMonth {
  /** YYYY-MM, Asia/Shanghai. */
  month: string;
  upward: number;
  downward: number;
  handledInTime: number;
  breached: number;
}

/** The figures of the groups a scope holds, summed per month; every month of `months`, zero when none. */
export function referralMonths(
  figures: readonly ReferralMonthFigures[],
  months: readonly string[],
  inScope: (groupId: string) => boolean = () => true,
): ReferralMonth[] {
  const byMonth = new Map(
    months.map((month) => [month, { month, upward: 0, downward: 0, handledInTime: 0, breached: 0 }]),
  );
  for (const row of figures) {
    const month = byMonth.get(row.month);
    if (!month || !inScope(row.groupId)) continue;
    if (row.direction === 'REFERRAL_DIRECTION_UPWARD') month.upward += row.referrals ?? 0;
    if (row.direction === 'REFERRAL_DIRECTION_DOWNWARD') month.downward += row.referrals ?? 0;
    month.handledInTime += row.handledInTime ?? 0;
    month.breached += row.breached ?? 0;
  }
  return [...byMonth.values()];
}

/** Change against a base, as a fraction (0.25 for a quarter more); null without a base to compare with. */
export function growth(current: number, base: number): number | null {
  return base === 0 ? null : (current - base) / base;
}

/** "+25.0%", "−12.5%", "0.0%". */
export function formatGrowth(change: number): string {
  const percent = (Math.abs(change) * 100).toFixed(1);
  if (percent === '0.0') return '0.0%';
  return `${change > 0 ? '+' : '−'}${percent}%`;
}

/** The 48-hour rule over months: handled in time among those decided either way; null before any was. */
export function inTimeShare(months: readonly ReferralMonth[]) {
  const handledInTime = months.reduce((sum, month) => sum + month.handledInTime, 0);
  const breached = months.reduce((sum, month) => sum + month.breached, 0);
  const decided = handledInTime + breached;
  return { handledInTime, breached, rate: decided === 0 ? null : handledInTime / decided };
}
