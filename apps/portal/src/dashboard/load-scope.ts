import * as api from '../api/portal-api';
import { type DailyReport, type Institution, type Referral } from '../api/portal-types';
import { shanghaiDate } from '../format/shanghai-time';
import { type CityDirectory } from './city-directory';
import { institutionInScope, isHospital, referralInScope, type Scope, type ScopeFacts } from './scope';

/** Referral reads a list 200 at a time; the dashboard counts at most this many, newest first. */
export const REFERRAL_PAGES = 5;
const PAGE_SIZE = 200;

export interface HospitalDay {
  institution: Institution;
  /** null when scheduling has no report for it (or refused). */
  report: DailyReport | null;
}

export interface ScopeData {
  referrals: Referral[];
  /** More referrals exist than were counted. */
  truncated: boolean;
  overdue: Referral[];
  hospitals: HospitalDay[];
  reportDate: string;
  facts: ScopeFacts;
}

/** Which group serves which grid, and the institutions' groups, as the registry has them. */
export function factsOf(directory: CityDirectory): ScopeFacts {
  return {
    institutions: directory.institutions,
    groupGrid: new Map(directory.groups.map((group) => [group.id, group.gridId ?? ''])),
  };
}

/** Everything the dashboard shows for one scope, read from referral, scheduling and the registry. */
export async function loadScope(scope: Scope, directory: CityDirectory, now: Date): Promise<ScopeData> {
  const facts = factsOf(directory);
  const institutionId = scope.kind === 'institution' ? scope.id : undefined;
  const reportDate = shanghaiDate(now);
  const hospitals = directory.institutions.filter((i) => isHospital(i) && institutionInScope(i, scope));
  const [recent, overdue, reports] = await Promise.all([
    recentReferrals(institutionId),
    api.listReferrals({ institutionId, overdueOnly: true, pageSize: PAGE_SIZE }),
    Promise.all(
      hospitals.map(async (institution) => ({
        institution,
        report: await api.getDailyReport(institution.id, reportDate).catch(() => null),
      })),
    ),
  ]);
  return {
    referrals: recent.referrals.filter((r) => referralInScope(r, scope, facts)),
    truncated: recent.truncated,
    overdue: (overdue.referrals ?? []).filter((r) => referralInScope(r, scope, facts)),
    hospitals: reports,
    reportDate,
    facts,
  };
}

async function recentReferrals(institutionId: string | undefined) {
  const referrals: Referral[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < REFERRAL_PAGES; page += 1) {
    const answer = await api.listReferrals({ institutionId, pageSize: PAGE_SIZE, pageToken });
    referrals.push(...(answer.referrals ?? []));
    pageToken = answer.nextPageToken;
    if (!pageToken) return { referrals, truncated: false };
  }
  return { referrals, truncated: true };
}
