import { type Referral, type ReferralHistoryEntry, type ReferralStatus } from '../api/portal-types';
import { isFinished, isHandled, isOverdue } from '../indicators/referral-indicators';

const MINUTE_MS = 60_000;

/** The rule's 48 hours, for a referral that does not say when its clock started. */
const RULE_MINUTES = 48 * 60;

/** The step that does the receiving side's part: the visit completed (upward), the patient taken back (downward). */
const HANDLING_STATUSES: ReadonlySet<ReferralStatus> = new Set<ReferralStatus>([
  'REFERRAL_STATUS_COMPLETED',
  'REFERRAL_STATUS_RECEIVED',
]);

interface ClockBase {
  dueAt: string;
  /** The time the rule allows, from submission to the deadline. */
  limitMinutes: number;
  /** When referral found the deadline breached; absent if it was not. */
  breachedAt?: string;
}

/** The visit is still owed: minutes left, or, once overdue, minutes past the deadline. */
export interface RunningClock extends ClockBase {
  kind: 'running';
  overdue: boolean;
  minutes: number;
}

/** The receiving side did its part: how long it took, against the limit. */
export interface HandledClock extends ClockBase {
  kind: 'handled';
  /** Absent when neither the history nor the referral says when. */
  handledAt?: string;
  minutesTaken?: number;
  inTime: boolean;
}

/** Declined, cancelled or expired: nothing is owed any more, the clock stopped. */
export interface StoppedClock extends ClockBase {
  kind: 'stopped';
  status: ReferralStatus;
}

export type ReferralClock = RunningClock | HandledClock | StoppedClock;

/**
 * The 48-hour clock of one referral at `now`, or null before it started (no `dueAt`: a draft, or a downward
 * referral, which the rule does not time). Minutes left are rounded up, so the last seconds still read as a
 * minute and the clock reads the whole 48 h at submission; minutes overdue are rounded up too, so a referral
 * one second late never reads "overdue by 0 min".
 */
export function referralClock(
  referral: Referral,
  history: readonly ReferralHistoryEntry[],
  now: Date,
): ReferralClock | null {
  if (!referral.dueAt) return null;
  const due = new Date(referral.dueAt).getTime();
  const base: ClockBase = {
    dueAt: referral.dueAt,
    limitMinutes: referral.submittedAt
      ? Math.round((due - new Date(referral.submittedAt).getTime()) / MINUTE_MS)
      : RULE_MINUTES,
    ...(referral.deadlineBreachedAt ? { breachedAt: referral.deadlineBreachedAt } : {}),
  };

  if (isHandled(referral)) {
    const handledAt = handlingInstant(referral, history);
    const taken =
      handledAt && referral.submittedAt
        ? Math.round((new Date(handledAt).getTime() - new Date(referral.submittedAt).getTime()) / MINUTE_MS)
        : undefined;
    return {
      ...base,
      kind: 'handled',
      ...(handledAt ? { handledAt } : {}),
      ...(taken === undefined ? {} : { minutesTaken: taken }),
      inTime: !referral.deadlineBreachedAt && (!handledAt || new Date(handledAt).getTime() <= due),
    };
  }
  if (isFinished(referral) && referral.status) return { ...base, kind: 'stopped', status: referral.status };

  const left = due - now.getTime();
  const overdue = isOverdue(referral, now);
  return {
    ...base,
    kind: 'running',
    overdue,
    minutes: overdue ? Math.max(0, Math.ceil(-left / MINUTE_MS)) : Math.max(0, Math.ceil(left / MINUTE_MS)),
  };
}

/** Whole hours and the minutes over, for "5 h 30 min". */
export function hoursAndMinutes(totalMinutes: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(totalMinutes));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

/** When the handling step happened: its history entry, else the referral's own stamp of it. */
function handlingInstant(referral: Referral, history: readonly ReferralHistoryEntry[]): string | undefined {
  const step = history.find((entry) => entry.toStatus && HANDLING_STATUSES.has(entry.toStatus));
  if (step?.occurredAt) return step.occurredAt;
  if (referral.direction === 'REFERRAL_DIRECTION_DOWNWARD') return referral.arrivedAt;
  return referral.status === 'REFERRAL_STATUS_COMPLETED' ? referral.closedAt : undefined;
}
