import * as api from '../api/portal-api';
import { shanghaiDate } from '../format/shanghai-time';
import { firstContactsIn, type InScope, prescribingIn } from '../indicators/care-indicators';
import { monthPeriods } from '../indicators/month-periods';
import { type Scope } from './scope';

/** How many months the care trend shows, this one so far included. */
export const CARE_TREND_MONTHS = 6;

export interface CareMonth {
  /** YYYY-MM. */
  month: string;
  /** Basis points; null when the month had nothing to count or its service did not answer. */
  firstContactBp: number | null;
  essentialShareBp: number | null;
}

/**
 * The shares the city is held to, month by month: primary first contacts (payment's claims) and essential
 * medicines (pharmacy's checks), each month asked for by its own days so the shares are of that month's sums.
 */
export async function loadCareTrend(scope: Scope, inScope: InScope, now: Date): Promise<CareMonth[]> {
  const groupId = scope.kind === 'group' ? scope.id : undefined;
  return Promise.all(
    monthPeriods(shanghaiDate(now), CARE_TREND_MONTHS).map(async ({ month, from, until }) => {
      const [firstContacts, prescribing] = await Promise.all([
        api.getFirstContactStatistics(from, until, groupId).catch(() => null),
        api.getPrescribingStatistics(from, until, groupId).catch(() => null),
      ]);
      return {
        month,
        firstContactBp: firstContacts ? firstContactsIn(firstContacts.figures ?? [], inScope).shareBp : null,
        essentialShareBp: prescribing
          ? prescribingIn(prescribing.figures ?? [], inScope).essentialShareBp
          : null,
      };
    }),
  );
}
