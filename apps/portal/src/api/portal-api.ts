import { apiGet, apiSend } from './http-client';
import {
  type AdministeredAccount,
  type NewAccount,
  type PortalUser,
  type DailyReport,
  type FirstContactStatistics,
  type PrescribingStatistics,
  type RecognitionStatistics,
  type SettlementReport,
  type SettlementRun,
  type Grid,
  type Institution,
  type MedicalGroup,
  type Ratio,
  type ReferralMonthFigures,
  type ReferralPage,
  type ReferralWithHistory,
  type ReservePolicyAnswer,
  type SessionInfo,
  type SignedIn,
} from './portal-types';

/** The gateway's API as the portal uses it; each function is one endpoint. */

export const signIn = (username: string, password: string) =>
  apiSend<SignedIn>('POST', '/api/auth/sign-in', { username, password });

export const signOut = () => apiSend<null>('POST', '/api/auth/sign-out');

export const currentSession = () => apiGet<SessionInfo>('/api/auth/session');

export const freshCsrfToken = () => apiGet<{ csrfToken: string }>('/api/auth/csrf');

export const listGrids = () => apiGet<{ grids?: Grid[] }>('/api/registry/grids');

/** The groups of the user's city (a group-bound user's own), with their members. */
export const listGroups = () => apiGet<{ groups?: MedicalGroup[] }>('/api/registry/groups');

export const getGroup = (id: string) => apiGet<{ group: MedicalGroup }>(`/api/registry/groups/${id}`);

export const searchInstitutions = (query: { gridId?: string; groupId?: string; pageToken?: string }) =>
  apiGet<{ institutions?: Institution[]; nextPageToken?: string }>('/api/registry/institutions', {
    ...query,
    pageSize: 200,
  });

export interface ReferralQuery {
  institutionId?: string;
  patientResidentId?: string;
  status?: string;
  direction?: string;
  overdueOnly?: boolean;
  pageSize?: number;
  pageToken?: string;
}

export const listReferrals = (query: ReferralQuery) => apiGet<ReferralPage>('/api/referrals', { ...query });

export const getReferral = (id: string) => apiGet<ReferralWithHistory>(`/api/referrals/${id}`);

export const getReservePolicy = (institutionId: string) =>
  apiGet<ReservePolicyAnswer>(`/api/reserve-policies/${institutionId}`);

export interface ReservePolicyChange {
  clientRequestId: string;
  slotRatio: Ratio;
  bedRatio: Ratio;
  releaseLeadHours: number;
  overrideReason: string;
}

export const changeReservePolicy = (institutionId: string, change: ReservePolicyChange) =>
  apiSend<ReservePolicyAnswer>('PUT', `/api/reserve-policies/${institutionId}`, change);

export const getDailyReport = (institutionId: string, date?: string) =>
  apiGet<DailyReport>(`/api/reports/daily/${institutionId}`, { date });

/** Service dates from `from` through `until` (YYYY-MM-DD); a group, or all the user sees. */
export const getFirstContactStatistics = (from: string, until: string, groupId?: string) =>
  apiGet<FirstContactStatistics>('/api/indicators/first-contact', { from, until, groupId });

/** Referrals sent on local days from `from` through `until` (YYYY-MM-DD), per month, group and direction. */
export const getReferralStatistics = (query: {
  from: string;
  until: string;
  groupId?: string;
  institutionId?: string;
}) => apiGet<{ figures?: ReferralMonthFigures[] }>('/api/indicators/referrals', { ...query });

export const getRecognitionStatistics = (since: Date, groupId?: string) =>
  apiGet<RecognitionStatistics>('/api/indicators/recognition', { since: since.toISOString(), groupId });

/** Local days from `from` through `until` (YYYY-MM-DD, Asia/Shanghai). */
export const getPrescribingStatistics = (from: string, until: string, groupId?: string) =>
  apiGet<PrescribingStatistics>('/api/indicators/prescribing', { from, until, groupId });

/** A group's month (YYYY-MM) as settled; 404 SETTLEMENT_NOT_FOUND while it is not. */
export const getSettlementReport = (groupId: string, month: string) =>
  apiGet<SettlementReport>(`/api/settlements/${groupId}/${month}`);

export const settlementCsvUrl = (groupId: string, month: string) =>
  `/api/settlements/${groupId}/${month}/csv`;

export const startSettlementRun = (clientRequestId: string, groupId: string, month: string) =>
  apiSend<{ run: SettlementRun }>('POST', '/api/settlements', { clientRequestId, groupId, month });

/** The city's accounts by username, the first 200 (a city has tens of operators' accounts, not thousands). */
export const listAccounts = () =>
  apiGet<{ accounts: AdministeredAccount[]; nextPageToken: string }>('/api/accounts', { pageSize: 200 });

export const createAccount = (account: NewAccount) => apiSend<PortalUser>('POST', '/api/accounts', account);

export const disableAccount = (id: string) =>
  apiSend<AdministeredAccount>('POST', `/api/accounts/${id}/disable`);
