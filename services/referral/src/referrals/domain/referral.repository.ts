import { type Referral, type ReferralSnapshot } from './referral';
import { type ReferralDirection } from './referral-direction';
import { type ReferralHistoryEntry } from './referral-history';
import { type ReferralStatus } from './referral-status';

/** Whose referrals a caller may read, as the access policy decided it. */
export type ReferralVisibility =
  | { readonly kind: 'all' }
  | { readonly kind: 'group'; readonly groupId: string }
  | { readonly kind: 'institution'; readonly institutionId: string };

export interface ReferralFilter {
  readonly institutionId: string;
  readonly patientResidentId: string;
  readonly status: ReferralStatus | null;
  readonly direction: ReferralDirection | null;
  readonly createdFrom: Date | null;
  readonly createdTo: Date | null;
  /** Only those past their deadline and not completed, as of this instant. */
  readonly overdueAt: Date | null;
}

/** Keyset position of a page: the last referral of the previous one. */
export interface ReferralCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export interface ReferralChange {
  readonly entry: ReferralHistoryEntry;
  readonly referral: ReferralSnapshot;
}

export interface ReferralStatusCount {
  readonly groupId: string;
  readonly direction: ReferralDirection;
  readonly status: ReferralStatus;
  readonly count: number;
}

/** What one statistics request counts: referrals created from one instant up to another, narrowed as asked. */
export interface ReferralStatisticsFilter {
  readonly createdFrom: Date;
  readonly createdBefore: Date;
  readonly groupId: string | null;
  /** Either end of the referral. */
  readonly institutionId: string | null;
}

/** The referrals of one local month of creation, group and direction. */
export interface ReferralMonthFigures {
  /** YYYY-MM in Asia/Shanghai. */
  readonly month: string;
  readonly groupId: string;
  readonly direction: ReferralDirection;
  readonly referrals: number;
  readonly handledInTime: number;
  readonly breached: number;
  readonly declined: number;
  readonly greenChannel: number;
}

/** Persistence port of the referral aggregate and its history. */
export abstract class ReferralRepository {
  /**
   * Stores a new referral and the history it recorded; returns the entries, whose positions (seq) are handed out
   * when the transaction commits, in commit order: 0 until then.
   */
  abstract insert(referral: Referral): Promise<ReferralHistoryEntry[]>;
  /** Stores a changed referral and the history it recorded; returns the entries, positions as `insert`. */
  abstract update(referral: Referral): Promise<ReferralHistoryEntry[]>;
  /** With `forUpdate`, inside a transaction, the row stays locked until it ends. */
  abstract findById(id: string, forUpdate: boolean): Promise<Referral | null>;
  abstract history(referralId: string): Promise<ReferralHistoryEntry[]>;
  abstract list(
    visibility: ReferralVisibility,
    filter: ReferralFilter,
    after: ReferralCursor | null,
    limit: number,
  ): Promise<ReferralSnapshot[]>;
  /** Changes after a history position, oldest first, of referrals the caller may read. */
  abstract changesAfter(
    visibility: ReferralVisibility,
    afterSeq: number,
    limit: number,
  ): Promise<ReferralChange[]>;
  /** The newest history position (0 when there is none). */
  abstract lastSeq(): Promise<number>;
  /** Open upward referrals whose deadline has passed and is not yet recorded as breached. */
  abstract overdueUnflagged(now: Date, limit: number): Promise<string[]>;
  /** Upward referrals still waiting for the patient, submitted before the cutoff. */
  abstract submittedBefore(cutoff: Date, limit: number): Promise<string[]>;
  abstract statusCounts(): Promise<ReferralStatusCount[]>;
  /** Sent referrals (drafts left out) per local month, group and direction, by month, group, direction. */
  abstract monthlyFigures(
    visibility: ReferralVisibility,
    filter: ReferralStatisticsFilter,
  ): Promise<ReferralMonthFigures[]>;
  /** Open upward referrals past their deadline, per group. */
  abstract overdueCounts(now: Date): Promise<Map<string, number>>;
}
