import { type Referral, type ReferralStatus } from '../api/portal-types';

/** States in which the receiving side has done its part: the visit held, or the patient taken back. */
const HANDLED: ReadonlySet<ReferralStatus> = new Set<ReferralStatus>([
  'REFERRAL_STATUS_COMPLETED',
  'REFERRAL_STATUS_RECEIVED',
  'REFERRAL_STATUS_FOLLOWED_UP',
  'REFERRAL_STATUS_CLOSED',
]);

/** States after which nothing more is owed (the 48-hour clock no longer matters). */
const FINAL: ReadonlySet<ReferralStatus> = new Set<ReferralStatus>([
  'REFERRAL_STATUS_COMPLETED',
  'REFERRAL_STATUS_CLOSED',
  'REFERRAL_STATUS_DECLINED',
  'REFERRAL_STATUS_CANCELLED',
  'REFERRAL_STATUS_EXPIRED',
]);

export interface ReferralIndicators {
  upward: number;
  downward: number;
  /** Handled with the deadline not breached. */
  handledInTime: number;
  /** The 48-hour deadline was breached (whether handled later or not). */
  breached: number;
  /** Past the deadline, not handled, not finished: the overdue list. */
  overdue: number;
  /** Still within their 48 hours. */
  pending: number;
  /** handledInTime / (handledInTime + breached), null before any referral was decided either way. */
  inTimeRate: number | null;
}

/**
 * The 48-hour rule over a set of referrals, as referral records it: `dueAt` is set on submission,
 * `deadlineBreachedAt` once the deadline passes before the visit is completed. A referral still
 * within its time counts as neither in time nor breached.
 */
export function referralIndicators(referrals: readonly Referral[], now: Date): ReferralIndicators {
  let upward = 0;
  let downward = 0;
  let handledInTime = 0;
  let breached = 0;
  let overdue = 0;
  let pending = 0;
  for (const referral of referrals) {
    if (referral.direction === 'REFERRAL_DIRECTION_UPWARD') upward += 1;
    if (referral.direction === 'REFERRAL_DIRECTION_DOWNWARD') downward += 1;
    if (!referral.dueAt) continue;
    const status = referral.status;
    const pastDue = new Date(referral.dueAt).getTime() < now.getTime();
    if (referral.deadlineBreachedAt) breached += 1;
    else if (status && HANDLED.has(status)) handledInTime += 1;
    if (isOverdue(referral, now)) overdue += 1;
    else if (!pastDue && !(status && (HANDLED.has(status) || FINAL.has(status)))) pending += 1;
  }
  const decided = handledInTime + breached;
  return {
    upward,
    downward,
    handledInTime,
    breached,
    overdue,
    pending,
    inTimeRate: decided === 0 ? null : handledInTime / decided,
  };
}

/** The receiving side has done its part: the visit held, or the patient taken back. */
export function isHandled(referral: Referral): boolean {
  return Boolean(referral.status && HANDLED.has(referral.status));
}

/** Nothing more is owed: completed, closed, declined, cancelled or expired. */
export function isFinished(referral: Referral): boolean {
  return Boolean(referral.status && FINAL.has(referral.status));
}

/** Past its deadline and neither handled nor finished. */
export function isOverdue(referral: Referral, now: Date): boolean {
  if (!referral.dueAt) return false;
  const status = referral.status;
  if (status && (HANDLED.has(status) || FINAL.has(status))) return false;
  return Boolean(referral.deadlineBreachedAt) || new Date(referral.dueAt).getTime() < now.getTime();
}
