import { type ReferralSnapshot } from '../../domain/referral';
import { type ReferralHistoryEntry } from '../../domain/referral-history';
import { type ReferralHistoryOrmEntity } from './referral-history.orm-entity';
import { type ReferralOrmEntity } from './referral.orm-entity';

/** A history row as it is written: its position comes from the database. */
export type NewReferralHistoryRow = Omit<ReferralHistoryOrmEntity, 'seq' | 'position' | 'referral'>;

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function referralToEntity(s: ReferralSnapshot): ReferralOrmEntity {
  return {
    id: s.id,
    groupId: s.groupId,
    clientRequestId: s.clientRequestId,
    patientResidentId: s.patientResidentId,
    referringInstitutionId: s.referringInstitutionId,
    receivingInstitutionId: s.receivingInstitutionId === '' ? null : s.receivingInstitutionId,
    receivingDepartmentId: s.receivingDepartmentId,
    specialtyCode: s.specialtyCode,
    direction: s.direction,
    status: s.status,
    icd10Code: s.icd10Code,
    reason: s.reason,
    indicationCodes: [...s.indicationCodes],
    matchedIndicationCodes: [...s.matchedIndicationCodes],
    withoutIndication: s.withoutIndication,
    justification: s.justification,
    greenChannel: s.greenChannel,
    contractedPriority: s.contractedPriority,
    results: [...s.results],
    treatmentPlan: s.treatmentPlan,
    metCriteriaCodes: [...s.metCriteriaCodes],
    upwardReferralId: s.upwardReferralId,
    dueAt: s.dueAt,
    deadlineBreachedAt: s.deadlineBreachedAt,
    slot: s.slot,
    submittedAt: s.submittedAt,
    acceptedAt: s.acceptedAt,
    arrivedAt: s.arrivedAt,
    closedAt: s.closedAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    outcomeReason: s.outcomeReason,
    followUpCount: s.followUpCount,
    version: s.version,
  };
}

export function referralFromEntity(e: ReferralOrmEntity): ReferralSnapshot {
  return {
    id: e.id,
    groupId: e.groupId,
    clientRequestId: e.clientRequestId,
    patientResidentId: e.patientResidentId,
    referringInstitutionId: e.referringInstitutionId,
    receivingInstitutionId: e.receivingInstitutionId ?? '',
    receivingDepartmentId: e.receivingDepartmentId,
    specialtyCode: e.specialtyCode,
    direction: e.direction,
    status: e.status,
    icd10Code: e.icd10Code,
    reason: e.reason,
    indicationCodes: e.indicationCodes,
    matchedIndicationCodes: e.matchedIndicationCodes,
    withoutIndication: e.withoutIndication,
    justification: e.justification,
    greenChannel: e.greenChannel,
    contractedPriority: e.contractedPriority,
    results: e.results,
    // Plans stored before drug codes were written carry none.
    treatmentPlan: e.treatmentPlan && {
      ...e.treatmentPlan,
      medications: e.treatmentPlan.medications.map((m) => ({ ...m, drugCode: m.drugCode ?? '' })),
    },
    metCriteriaCodes: e.metCriteriaCodes,
    upwardReferralId: e.upwardReferralId,
    dueAt: e.dueAt,
    deadlineBreachedAt: e.deadlineBreachedAt,
    slot: e.slot,
    submittedAt: e.submittedAt,
    acceptedAt: e.acceptedAt,
    arrivedAt: e.arrivedAt,
    closedAt: e.closedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    outcomeReason: e.outcomeReason,
    followUpCount: e.followUpCount,
    version: e.version,
  };
}

export function historyToEntity(entry: ReferralHistoryEntry): NewReferralHistoryRow {
  return {
    referralId: entry.referralId,
    action: entry.action,
    fromStatus: entry.from,
    toStatus: entry.to,
    actorSubject: entry.actor.subject,
    actorInstitutionId: entry.actor.institutionId,
    actorRole: entry.actor.role,
    occurredAt: entry.occurredAt,
    note: entry.note,
    clientRequestId: entry.clientRequestId,
  };
}

export function historyFromEntity(e: ReferralHistoryOrmEntity): ReferralHistoryEntry {
  return {
    seq: Number(e.position ?? 0),
    referralId: e.referralId,
    action: e.action,
    from: e.fromStatus,
    to: e.toStatus,
    actor: { subject: e.actorSubject, institutionId: e.actorInstitutionId, role: e.actorRole },
    occurredAt: e.occurredAt,
    note: e.note,
    clientRequestId: e.clientRequestId,
  };
}
