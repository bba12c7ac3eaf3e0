import { apiGet, apiSend } from './http-client';
import {
  type DailyReport,
  type Grid,
  type Institution,
  type MedicalGroup,
  type Ratio,
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
