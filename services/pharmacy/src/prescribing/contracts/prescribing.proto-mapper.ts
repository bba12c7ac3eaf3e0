import { prescribingServiceV1 as pb } from '@medgrid/contracts';
import { drugToProto } from '../../catalogue/contracts/catalogue.proto-mapper';
import {
  type Finding,
  type FindingSeverity,
  type LineCheck,
  type PrescriptionCheck,
} from '../domain/prescription-check';
import { type PrescribingFigures, type PrescribingStatistics } from '../domain/prescribing-statistics';

const SEVERITY_TO: Record<FindingSeverity, pb.FindingSeverity> = {
  refusal: pb.FindingSeverity.FINDING_SEVERITY_REFUSAL,
  warning: pb.FindingSeverity.FINDING_SEVERITY_WARNING,
  note: pb.FindingSeverity.FINDING_SEVERITY_NOTE,
};

const OUTCOME_TO: Record<PrescriptionCheck['outcome'], pb.CheckOutcome> = {
  passed: pb.CheckOutcome.CHECK_OUTCOME_PASSED,
  warned: pb.CheckOutcome.CHECK_OUTCOME_WARNED,
  refused: pb.CheckOutcome.CHECK_OUTCOME_REFUSED,
};

export function findingToProto(finding: Finding): pb.Finding {
  return {
    code: finding.code,
    severity: SEVERITY_TO[finding.severity],
    field: finding.field,
    message: finding.message,
    alternativeCode: finding.alternativeCode ?? '',
    allowedDays: finding.allowedDays,
  };
}

export function lineCheckToProto(line: LineCheck): pb.LineCheck {
  return {
    drugCode: line.drugCode,
    drug: line.drug ? drugToProto(line.drug) : undefined,
    findings: line.findings.map(findingToProto),
    amountFen: line.amountFen,
  };
}

export function prescriptionCheckToProto(
  check: PrescriptionCheck,
  contractedResident: boolean,
): pb.CheckPrescriptionResponse {
  return {
    outcome: OUTCOME_TO[check.outcome],
    lines: check.lines.map(lineCheckToProto),
    longPrescription: check.longPrescription,
    contractedResident,
    checkedAt: check.checkedAt,
  };
}

export function prescribingFiguresToProto(
  figures: PrescribingFigures & { institutionId?: string; groupId?: string },
): pb.PrescribingFigures {
  const share = (bp: number | null) => (bp === null ? undefined : bp);
  return {
    institutionId: figures.institutionId ?? '',
    groupId: figures.groupId ?? '',
    checks: figures.checks,
    lines: figures.lines,
    essentialLines: figures.essentialLines,
    volumeBasedLines: figures.volumeBasedLines,
    essentialShareBp: share(figures.essentialShareBp),
    volumeBasedShareBp: share(figures.volumeBasedShareBp),
    amountFen: figures.amountFen,
    essentialAmountFen: figures.essentialAmountFen,
    volumeBasedAmountFen: figures.volumeBasedAmountFen,
    essentialAmountShareBp: share(figures.essentialAmountShareBp),
    volumeBasedAmountShareBp: share(figures.volumeBasedAmountShareBp),
    longPrescriptionsAccepted: figures.longAccepted,
    longPrescriptionsCapped: figures.longCapped,
  };
}

export function prescribingStatisticsToProto(
  statistics: PrescribingStatistics,
): pb.GetPrescribingStatisticsResponse {
  return {
    figures: statistics.institutions.map(prescribingFiguresToProto),
    total: prescribingFiguresToProto(statistics.total),
  };
}
