import * as api from '../api/portal-api';
import { shanghaiDate } from '../format/shanghai-time';
import { trendPeriods } from '../indicators/month-periods';
import { type ReferralMonth, referralMonths } from '../indicators/referral-trend';
import { type Scope, type ScopeFacts } from './scope';

/** How many months the dashboard's referral trend shows, this one included. */
export const TREND_MONTHS = 12;

export interface ReferralTrend {
  months: ReferralMonth[];
  /** Last month from its first day through today's day of the month: the base of this month's growth. */
  lastMonthSoFar: ReferralMonth;
}

/**
 * A scope's referrals per month as referral counts them (every referral, not a list's newest), and last
 * month to the same day. An institution is asked for by id; grids and the city sum their groups' figures.
 */
export async function loadReferralTrend(scope: Scope, facts: ScopeFacts, now: Date): Promise<ReferralTrend> {
  const periods = trendPeriods(shanghaiDate(now), TREND_MONTHS);
  const narrowing = {
    groupId: scope.kind === 'group' ? scope.id : undefined,
    institutionId: scope.kind === 'institution' ? scope.id : undefined,
  };
  const inScope = (groupId: string) => scope.kind !== 'grid' || facts.groupGrid.get(groupId) === scope.id;
  const [trend, lastMonth] = await Promise.all([
    api.getReferralStatistics({ ...periods.trend, ...narrowing }),
    api.getReferralStatistics({ ...periods.lastMonthSoFar, ...narrowing }),
  ]);
  const lastMonthName = periods.months[periods.months.length - 2]!;
  return {
    months: referralMonths(trend.figures ?? [], periods.months, inScope),
    lastMonthSoFar: referralMonths(lastMonth.figures ?? [], [lastMonthName], inScope)[0]!,
  };
}
