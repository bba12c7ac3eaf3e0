import { claimEventsV1, claimServiceV1, paymentV1 } from '@medgrid/contracts';
import { type AppError } from '@medgrid/errors';
import { grpcCodeFor } from '@medgrid/grpc';
import {
  encounterFromProto,
  encounterToProto,
  enumFromProto,
  levelToProto,
  schemeToProto,
} from '../../common/contracts/insurance.proto-mapper';
import { type Fen } from '../../common/domain/money';
import { contractToProto, referralToProto } from '../../rules/contracts/reimbursement-table.proto-mapper';
import { type ClaimContent } from '../application/claim-content';
import { type Adjudication, type ReasonCode } from '../domain/adjudication';
import { type LineKind } from '../domain/claim-line';
import { type ClaimChange, type ClaimVersion } from '../domain/claim-record';
import { type StoredClaim } from '../domain/claim.repository';
import { type ClaimSubmission, type Encounter } from '../domain/claim-submission';
import { type FirstContactFigures, type FirstContactStatistics } from '../domain/first-contact-statistics';

const LINE_KINDS: Record<LineKind, claimServiceV1.LineKind> = {
  consultation: claimServiceV1.LineKind.LINE_KIND_CONSULTATION,
  item: claimServiceV1.LineKind.LINE_KIND_ITEM,
  drug: claimServiceV1.LineKind.LINE_KIND_DRUG,
};

const REASONS: Record<ReasonCode, claimServiceV1.AdjudicationReasonCode> = {
  RULE_APPLIED: claimServiceV1.AdjudicationReasonCode.ADJUDICATION_REASON_CODE_RULE_APPLIED,
  CONSULTATION_WAIVED: claimServiceV1.AdjudicationReasonCode.ADJUDICATION_REASON_CODE_CONSULTATION_WAIVED,
  DEDUCTIBLE: claimServiceV1.AdjudicationReasonCode.ADJUDICATION_REASON_CODE_DEDUCTIBLE,
  RATE: claimServiceV1.AdjudicationReasonCode.ADJUDICATION_REASON_CODE_RATE,
  CEILING_REACHED: claimServiceV1.AdjudicationReasonCode.ADJUDICATION_REASON_CODE_CEILING_REACHED,
  VERIFIED: claimServiceV1.AdjudicationReasonCode.ADJUDICATION_REASON_CODE_VERIFIED,
};

const CHANGES: Record<ClaimChange, claimEventsV1.ClaimChange> = {
  received: claimEventsV1.ClaimChange.CLAIM_CHANGE_RECEIVED,
  corrected: claimEventsV1.ClaimChange.CLAIM_CHANGE_CORRECTED,
};

const lineKindFromProto = enumFromProto(LINE_KINDS);

/** The canonical names of the gRPC status codes grpcCodeFor answers (google.rpc.Code). */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  3: 'INVALID_ARGUMENT',
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  10: 'ABORTED',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
};

/**
 * A request's claim as the domain's, as sent: the claim's checks name every bad field (an encounter left
 * UNSPECIFIED as `encounter`, a stay's days as `inpatientDays`, a fraction of a fen as `lines[0].amount`).
 */
export function claimContentFromProto(
  claim: claimServiceV1.ClaimContent | undefined,
): ClaimContent | undefined {
  if (!claim) return undefined;
  const kind = encounterFromProto(claim.encounter);
  const encounter = (kind === 'inpatient' ? { kind, days: claim.inpatientDays } : { kind }) as Encounter;
  return {
    claimNumber: claim.claimNumber.trim(),
    residentId: claim.residentId.trim(),
    serviceDate: claim.serviceDate.trim(),
    encounter,
    lines: claim.lines.map((line) => ({
      code: line.code.trim(),
      kind: lineKindFromProto(line.kind),
      quantity: line.quantity,
      unitPrice: line.unitPrice as Fen,
      amount: line.amount as Fen,
    })),
    principalDiagnosis: claim.principalDiagnosis.trim(),
    diseaseGroup: claim.diseaseGroup.trim() === '' ? null : claim.diseaseGroup.trim(),
    referralId: claim.referralId.trim() === '' ? null : claim.referralId.trim().toLowerCase(),
    contracted: claim.contracted,
  };
}

export function claimContentToProto(s: ClaimSubmission): claimServiceV1.ClaimContent {
  return {
    claimNumber: s.claimNumber,
    residentId: s.residentId,
    serviceDate: s.serviceDate,
    encounter: encounterToProto(s.encounter.kind),
    inpatientDays: s.encounter.kind === 'inpatient' ? s.encounter.days : 0,
    lines: s.lines.map((l) => ({
      code: l.code,
      kind: LINE_KINDS[l.kind],
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
    })),
    principalDiagnosis: s.principalDiagnosis,
    diseaseGroup: s.diseaseGroup ?? '',
    referralId: s.referralId ?? '',
    contracted: s.contracted,
  };
}

export function adjudicationToProto(a: Adjudication): claimServiceV1.Adjudication {
  return {
    scheme: schemeToProto(a.scheme),
    referral: referralToProto(a.referral),
    contract: contractToProto(a.contract),
    ruleId: a.ruleId,
    tableVersion: a.tableVersion,
    rateBp: a.rateBp,
    total: a.total,
    waived: a.waived,
    deductible: a.deductible,
    fund: a.fund,
    patient: a.patient,
    reasons: a.reasons.map((r) => ({ code: REASONS[r.code], amount: r.amount, detail: r.detail })),
  };
}

function versionToProto(v: ClaimVersion, adjudication: Adjudication): claimServiceV1.ClaimVersion {
  return {
    version: v.version,
    content: claimContentToProto(v.submission),
    receivedAt: v.receivedAt,
    correctionReason: v.correctionReason ?? '',
    adjudication: adjudicationToProto(adjudication),
    institutionLevel: levelToProto(v.submission.institutionLevel),
  };
}

export function claimToProto(claim: StoredClaim): claimServiceV1.Claim {
  const state = claim.record.snapshot();
  return {
    id: state.id,
    institutionId: state.institutionId,
    groupId: claim.placement.groupId ?? '',
    claimNumber: state.claimNumber,
    version: claim.record.current.version,
    versions: state.versions.map((v, i) => versionToProto(v, claim.adjudications[i]!)),
  };
}

export function claimChangeToProto(change: ClaimChange): claimEventsV1.ClaimChange {
  return CHANGES[change];
}

/** A claim of a batch refused: the status a single SubmitClaim would have answered, and every field at fault. */
export function refusalToProto(error: AppError): claimServiceV1.ClaimRefusal {
  return {
    status: STATUS_NAMES[grpcCodeFor(error.category)] ?? 'UNKNOWN',
    reason: error.code,
    message: error.message,
    fields: error.violations.map((v) => ({ field: v.field, reason: v.reason, description: v.description })),
  };
}

function firstContactFiguresToProto(f: FirstContactFigures): claimServiceV1.FirstContactFigures {
  return {
    institutionId: f.institutionId,
    groupId: f.groupId,
    level:
      f.level === null ? paymentV1.InstitutionLevel.INSTITUTION_LEVEL_UNSPECIFIED : levelToProto(f.level),
    firstContacts: f.firstContacts,
    referredVisits: f.referredVisits,
    primaryFirstContacts: f.primaryFirstContacts,
    primaryShareBp: f.primaryShareBp ?? undefined,
  };
}

export function firstContactStatisticsToProto(
  s: FirstContactStatistics,
): claimServiceV1.GetFirstContactStatisticsResponse {
  return {
    figures: s.figures.map(firstContactFiguresToProto),
    total: firstContactFiguresToProto(s.total),
    targetShareBp: s.targetShareBp,
  };
}
