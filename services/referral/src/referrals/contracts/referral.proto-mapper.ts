import { continuityV1, referralV1 } from '@medgrid/contracts';
import { keyOf } from '@medgrid/kernel';
import { greenChannelToProto } from '../../criteria/contracts/criteria.proto-mapper';
import { type ReferralSnapshot } from '../domain/referral';
import { type ResultKind, type TreatmentPlan } from '../domain/referral-content';
import { type AttachedContinuity } from '../domain/referral-continuity.repository';
import { type ReferralDirection } from '../domain/referral-direction';
import { type ReferralAction, type ReferralHistoryEntry } from '../domain/referral-history';
import { type ReferralStatus } from '../domain/referral-status';

const {
  ReferralDirection: ProtoDirection,
  ReferralStatus: ProtoStatus,
  ReferralAction: ProtoAction,
  ResultKind: ProtoResultKind,
} = referralV1;

const DIRECTIONS: Record<ReferralDirection, referralV1.ReferralDirection> = {
  upward: ProtoDirection.REFERRAL_DIRECTION_UPWARD,
  downward: ProtoDirection.REFERRAL_DIRECTION_DOWNWARD,
};

const STATUSES: Record<ReferralStatus, referralV1.ReferralStatus> = {
  draft: ProtoStatus.REFERRAL_STATUS_DRAFT,
  submitted: ProtoStatus.REFERRAL_STATUS_SUBMITTED,
  accepted: ProtoStatus.REFERRAL_STATUS_ACCEPTED,
  declined: ProtoStatus.REFERRAL_STATUS_DECLINED,
  scheduled: ProtoStatus.REFERRAL_STATUS_SCHEDULED,
  arrived: ProtoStatus.REFERRAL_STATUS_ARRIVED,
  completed: ProtoStatus.REFERRAL_STATUS_COMPLETED,
  cancelled: ProtoStatus.REFERRAL_STATUS_CANCELLED,
  expired: ProtoStatus.REFERRAL_STATUS_EXPIRED,
  issued: ProtoStatus.REFERRAL_STATUS_ISSUED,
  received: ProtoStatus.REFERRAL_STATUS_RECEIVED,
  'followed-up': ProtoStatus.REFERRAL_STATUS_FOLLOWED_UP,
  closed: ProtoStatus.REFERRAL_STATUS_CLOSED,
};

const ACTIONS: Record<ReferralAction, referralV1.ReferralAction> = {
  draft: ProtoAction.REFERRAL_ACTION_DRAFT,
  submit: ProtoAction.REFERRAL_ACTION_SUBMIT,
  accept: ProtoAction.REFERRAL_ACTION_ACCEPT,
  decline: ProtoAction.REFERRAL_ACTION_DECLINE,
  schedule: ProtoAction.REFERRAL_ACTION_SCHEDULE,
  arrive: ProtoAction.REFERRAL_ACTION_ARRIVE,
  complete: ProtoAction.REFERRAL_ACTION_COMPLETE,
  cancel: ProtoAction.REFERRAL_ACTION_CANCEL,
  expire: ProtoAction.REFERRAL_ACTION_EXPIRE,
  issue: ProtoAction.REFERRAL_ACTION_ISSUE,
  receive: ProtoAction.REFERRAL_ACTION_RECEIVE,
  'record-follow-up': ProtoAction.REFERRAL_ACTION_RECORD_FOLLOW_UP,
  close: ProtoAction.REFERRAL_ACTION_CLOSE,
  waitlist: ProtoAction.REFERRAL_ACTION_WAITLIST,
  'no-slot': ProtoAction.REFERRAL_ACTION_NO_SLOT,
  'breach-deadline': ProtoAction.REFERRAL_ACTION_BREACH_DEADLINE,
};

const RESULT_KINDS: Record<ResultKind, referralV1.ResultKind> = {
  lab: ProtoResultKind.RESULT_KIND_LAB,
  imaging: ProtoResultKind.RESULT_KIND_IMAGING,
  ecg: ProtoResultKind.RESULT_KIND_ECG,
  pathology: ProtoResultKind.RESULT_KIND_PATHOLOGY,
};

export const directionFromProto = keyOf(DIRECTIONS);
export const directionToProto = (direction: ReferralDirection) => DIRECTIONS[direction];
export const statusFromProto = keyOf(STATUSES);
export const resultKindFromProto = keyOf(RESULT_KINDS);

export function treatmentPlanFromProto(
  plan: referralV1.TreatmentPlan | undefined,
): TreatmentPlan | undefined {
  return (
    plan && {
      diagnosisCodes: plan.diagnosisCodes,
      medications: plan.medications.map((m) => ({
        name: m.name,
        drugCode: m.drugCode,
        dose: m.dose,
        frequency: m.frequency,
        days: m.days,
      })),
      followUps: plan.followUps.map((f) => ({ dueDate: f.dueDate, item: f.item })),
      warningSigns: plan.warningSigns,
      notes: plan.notes,
    }
  );
}

export function referralToProto(referral: ReferralSnapshot): referralV1.Referral {
  return {
    id: referral.id,
    groupId: referral.groupId,
    patientResidentId: referral.patientResidentId,
    referringInstitutionId: referral.referringInstitutionId,
    receivingInstitutionId: referral.receivingInstitutionId,
    direction: DIRECTIONS[referral.direction],
    status: STATUSES[referral.status],
    icd10Code: referral.icd10Code,
    reason: referral.reason,
    createdAt: referral.createdAt,
    version: referral.version,
    receivingDepartmentId: referral.receivingDepartmentId,
    specialtyCode: referral.specialtyCode,
    contractedResidentPriority: referral.contractedPriority,
    greenChannel: referral.greenChannel !== 'none',
    greenChannelKind: greenChannelToProto(referral.greenChannel),
    indicationCodes: [...referral.indicationCodes],
    matchedIndicationCodes: [...referral.matchedIndicationCodes],
    withoutIndication: referral.withoutIndication,
    justification: referral.justification,
    results: referral.results.map((r) => ({
      kind: RESULT_KINDS[r.kind],
      resultId: r.resultId,
      summary: r.summary,
    })),
    treatmentPlan: referral.treatmentPlan
      ? {
          diagnosisCodes: [...referral.treatmentPlan.diagnosisCodes],
          medications: referral.treatmentPlan.medications.map((m) => ({
            name: m.name,
            dose: m.dose,
            frequency: m.frequency,
            days: m.days,
            drugCode: m.drugCode,
          })),
          followUps: referral.treatmentPlan.followUps.map((f) => ({ ...f })),
          warningSigns: [...referral.treatmentPlan.warningSigns],
          notes: referral.treatmentPlan.notes,
        }
      : undefined,
    metCriteriaCodes: [...referral.metCriteriaCodes],
    dueAt: referral.dueAt ?? undefined,
    deadlineBreachedAt: referral.deadlineBreachedAt ?? undefined,
    slot: referral.slot ? { ...referral.slot } : undefined,
    submittedAt: referral.submittedAt ?? undefined,
    acceptedAt: referral.acceptedAt ?? undefined,
    arrivedAt: referral.arrivedAt ?? undefined,
    closedAt: referral.closedAt ?? undefined,
    updatedAt: referral.updatedAt,
    outcomeReason: referral.outcomeReason,
    // GetReferral attaches pharmacy's assessment; events and lists carry none.
    continuity: undefined,
    followUpCount: referral.followUpCount,
  };
}

export function historyEntryToProto(entry: ReferralHistoryEntry): referralV1.ReferralHistoryEntry {
  return {
    seq: entry.seq,
    referralId: entry.referralId,
    action: ACTIONS[entry.action],
    fromStatus: entry.from ? STATUSES[entry.from] : ProtoStatus.REFERRAL_STATUS_UNSPECIFIED,
    toStatus: STATUSES[entry.to],
    actorSubject: entry.actor.subject,
    actorInstitutionId: entry.actor.institutionId ?? '',
    actorRole: entry.actor.role,
    occurredAt: entry.occurredAt,
    note: entry.note,
  };
}

/** Pharmacy's continuity assessment attached to a downward referral, as pharmacy's contract has it. */
export function continuityToProto(
  continuity: AttachedContinuity | null,
): continuityV1.ContinuityAssessment | undefined {
  return continuity ? continuityV1.ContinuityAssessment.fromJSON(continuity.assessment) : undefined;
}
