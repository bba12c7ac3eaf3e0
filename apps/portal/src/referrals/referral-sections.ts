import { type PlannedFollowUp, type Referral } from '../api/portal-types';
import { shanghaiDate } from '../format/shanghai-time';

/*
 * What each section of the referral detail page has to show. proto3 JSON leaves out empty lists, false and empty
 * strings, so "nothing to show" is a field left out; a section with nothing renders nothing.
 */

const some = (list: readonly unknown[] | undefined) => (list?.length ?? 0) > 0;

/** Indications claimed or matched, a written justification, the green channel, priority, or met criteria. */
export function hasIndications(referral: Referral): boolean {
  return (
    some(referral.indicationCodes) ||
    some(referral.matchedIndicationCodes) ||
    some(referral.metCriteriaCodes) ||
    Boolean(referral.withoutIndication) ||
    Boolean(referral.justification) ||
    Boolean(referral.greenChannel) ||
    Boolean(referral.contractedResidentPriority)
  );
}

/** A downward referral's plan with anything in it, or follow-ups recorded against it. */
export function hasPlan(referral: Referral): boolean {
  if (referral.direction !== 'REFERRAL_DIRECTION_DOWNWARD') return false;
  const plan = referral.treatmentPlan;
  return (
    some(plan?.diagnosisCodes) ||
    some(plan?.medications) ||
    some(plan?.followUps) ||
    some(plan?.warningSigns) ||
    Boolean(plan?.notes) ||
    (referral.followUpCount ?? 0) > 0
  );
}

/**
 * pharmacy's assessment as it stands: `assessed` once attached, `pending` for a downward referral with a
 * medication list pharmacy has not judged yet, null when there is nothing to assess (upward, or no medication).
 */
export function continuityState(referral: Referral): 'assessed' | 'pending' | null {
  if (referral.continuity) return 'assessed';
  if (referral.direction !== 'REFERRAL_DIRECTION_DOWNWARD') return null;
  return some(referral.treatmentPlan?.medications) ? 'pending' : null;
}

/** States in which the primary institution no longer owes follow-ups. */
const LOOP_ENDED = new Set(['REFERRAL_STATUS_CLOSED', 'REFERRAL_STATUS_CANCELLED']);

/**
 * For each planned follow-up, whether it is past due on `now`'s Shanghai date. referral counts the follow-ups
 * recorded but does not tie them to planned ones, so the count is taken to cover the earliest due; a closed or
 * cancelled loop owes none.
 */
export function pastDueFollowUps(
  followUps: readonly PlannedFollowUp[],
  recorded: number,
  status: Referral['status'],
  now: Date,
): boolean[] {
  if (status && LOOP_ENDED.has(status)) return followUps.map(() => false);
  const today = shanghaiDate(now);
  const covered = new Set(
    followUps
      .map((followUp, index) => ({ index, dueDate: followUp.dueDate ?? '' }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.index - b.index)
      .slice(0, Math.max(0, recorded))
      .map(({ index }) => index),
  );
  return followUps.map((followUp, index) => {
    const due = followUp.dueDate ?? '';
    return !covered.has(index) && due !== '' && due < today;
  });
}
