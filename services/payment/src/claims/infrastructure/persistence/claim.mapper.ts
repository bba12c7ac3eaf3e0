import { type InstitutionLevel, type Scheme } from '../../../common/domain/insurance';
import { type Fen } from '../../../common/domain/money';
import { type BasisPoints } from '../../../common/domain/share';
import { type ContractStatus, type ReferralStatus } from '../../../rules/domain/reimbursement-rule';
import { type Adjudication, type ReasonCode } from '../../domain/adjudication';
import { type LineKind } from '../../domain/claim-line';
import { ClaimRecord, type ClaimVersion } from '../../domain/claim-record';
import { type StoredClaim } from '../../domain/claim.repository';
import { type ClaimSubmission, type Encounter } from '../../domain/claim-submission';
import { type ClaimOrmEntity } from './claim.orm-entity';
import {
  type ClaimVersionOrmEntity,
  type StoredAdjudication,
  type StoredSubmission,
} from './claim-version.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to an entity or a field added to
// the domain does not compile until it is mapped.

export function submissionToStored(s: ClaimSubmission): StoredSubmission {
  return {
    institutionId: s.institutionId,
    institutionLevel: s.institutionLevel,
    claimNumber: s.claimNumber,
    residentId: s.residentId,
    serviceDate: s.serviceDate,
    encounter:
      s.encounter.kind === 'inpatient'
        ? { kind: 'inpatient', days: s.encounter.days }
        : { kind: 'outpatient' },
    lines: s.lines.map((l) => ({
      code: l.code,
      kind: l.kind,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
    })),
    principalDiagnosis: s.principalDiagnosis,
    diseaseGroup: s.diseaseGroup,
    referralId: s.referralId,
    contracted: s.contracted,
  };
}

export function submissionFromStored(s: StoredSubmission): ClaimSubmission {
  const encounter: Encounter =
    s.encounter.kind === 'inpatient'
      ? { kind: 'inpatient', days: s.encounter.days ?? 0 }
      : { kind: 'outpatient' };
  return {
    institutionId: s.institutionId,
    institutionLevel: s.institutionLevel as InstitutionLevel,
    claimNumber: s.claimNumber,
    residentId: s.residentId,
    serviceDate: s.serviceDate,
    encounter,
    lines: s.lines.map((l) => ({
      code: l.code,
      kind: l.kind as LineKind,
      quantity: l.quantity,
      unitPrice: l.unitPrice as Fen,
      amount: l.amount as Fen,
    })),
    principalDiagnosis: s.principalDiagnosis,
    diseaseGroup: s.diseaseGroup,
    referralId: s.referralId,
    contracted: s.contracted,
  };
}

export function adjudicationToStored(a: Adjudication): StoredAdjudication {
  return {
    claimId: a.claimId,
    claimVersion: a.claimVersion,
    scheme: a.scheme,
    referral: a.referral,
    contract: a.contract,
    ruleId: a.ruleId,
    tableVersion: a.tableVersion,
    rateBp: a.rateBp,
    total: a.total,
    waived: a.waived,
    deductible: a.deductible,
    fund: a.fund,
    patient: a.patient,
    reasons: a.reasons.map((r) => ({ code: r.code, amount: r.amount, detail: r.detail })),
  };
}

export function adjudicationFromStored(a: StoredAdjudication): Adjudication {
  return {
    claimId: a.claimId,
    claimVersion: a.claimVersion,
    scheme: a.scheme as Scheme,
    referral: a.referral as ReferralStatus,
    contract: a.contract as ContractStatus,
    ruleId: a.ruleId,
    tableVersion: a.tableVersion,
    rateBp: a.rateBp as BasisPoints,
    total: a.total as Fen,
    waived: a.waived as Fen,
    deductible: a.deductible as Fen,
    fund: a.fund as Fen,
    patient: a.patient as Fen,
    reasons: a.reasons.map((r) => ({
      code: r.code as ReasonCode,
      amount: r.amount as Fen,
      detail: r.detail,
    })),
  };
}

/** The version in force's figures a settlement run sums, kept on the claim row beside its version number. */
export type ClaimFiguresColumns = Pick<
  ClaimOrmEntity,
  | 'serviceDate'
  | 'institutionLevel'
  | 'encounter'
  | 'diseaseGroup'
  | 'referred'
  | 'bedDays'
  | 'fund'
  | 'patient'
  | 'waived'
>;

export function claimFiguresToColumns(
  version: ClaimVersion,
  adjudication: Adjudication,
): ClaimFiguresColumns {
  const s = version.submission;
  return {
    serviceDate: s.serviceDate,
    institutionLevel: s.institutionLevel,
    encounter: s.encounter.kind,
    diseaseGroup: s.diseaseGroup,
    referred: adjudication.referral === 'referred',
    bedDays: s.encounter.kind === 'inpatient' ? s.encounter.days : 0,
    fund: adjudication.fund,
    patient: adjudication.patient,
    waived: adjudication.waived,
  };
}

export function claimToEntity(
  record: ClaimRecord,
  placement: StoredClaim['placement'],
  adjudication: Adjudication,
): ClaimOrmEntity {
  const state = record.snapshot();
  return {
    id: state.id,
    institutionId: state.institutionId,
    groupId: placement.groupId,
    regionId: placement.regionId,
    claimNumber: state.claimNumber,
    residentId: record.current.submission.residentId,
    currentVersion: record.current.version,
    receivedAt: state.versions[0]!.receivedAt,
    ...claimFiguresToColumns(record.current, adjudication),
  };
}

export function versionToEntity(
  claimId: string,
  version: ClaimVersion,
  adjudication: Adjudication,
): ClaimVersionOrmEntity {
  return {
    claimId,
    version: version.version,
    submission: submissionToStored(version.submission),
    institutionLevel: version.submission.institutionLevel,
    serviceDate: version.submission.serviceDate,
    encounter: version.submission.encounter.kind,
    scheme: adjudication.scheme,
    correctionReason: version.correctionReason,
    receivedAt: version.receivedAt,
    adjudication: adjudicationToStored(adjudication),
    total: adjudication.total,
    waived: adjudication.waived,
    deductible: adjudication.deductible,
    fund: adjudication.fund,
    patient: adjudication.patient,
  };
}

/** A claim row and its version rows (oldest first) as the stored claim. */
export function storedClaimFromEntities(
  claim: ClaimOrmEntity,
  versions: readonly ClaimVersionOrmEntity[],
): StoredClaim {
  return {
    record: ClaimRecord.restore({
      id: claim.id,
      institutionId: claim.institutionId,
      claimNumber: claim.claimNumber,
      versions: versions.map((v) => ({
        version: v.version,
        submission: submissionFromStored(v.submission),
        receivedAt: v.receivedAt,
        correctionReason: v.correctionReason,
      })),
    }),
    placement: { groupId: claim.groupId, regionId: claim.regionId },
    adjudications: versions.map((v) => adjudicationFromStored(v.adjudication)),
  };
}
