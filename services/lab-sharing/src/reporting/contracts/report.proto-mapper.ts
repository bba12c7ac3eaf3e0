import { labReportServiceV1 as r } from '@medgrid/contracts';
import { itemKindToProto, urgencyToProto } from '../../orders/contracts/order.proto-mapper';
import { type ReportContentInput } from '../application/report-fields';
import { type CriticalValueAlertSnapshot, type CriticalValueStatus } from '../domain/critical-value';
import { type AbnormalFlag, type Observation } from '../domain/observation';
import { Report, type ReportContent, type ReportSnapshot, type ReportStatus } from '../domain/report';
import { type WorklistEntry } from '../domain/worklist';

function reportStatusToProto(status: ReportStatus): r.ReportStatus {
  switch (status) {
    case 'waiting':
      return r.ReportStatus.REPORT_STATUS_WAITING;
    case 'in-progress':
      return r.ReportStatus.REPORT_STATUS_IN_PROGRESS;
    case 'signed':
      return r.ReportStatus.REPORT_STATUS_SIGNED;
    case 'cancelled':
      return r.ReportStatus.REPORT_STATUS_CANCELLED;
  }
}

function criticalStatusToProto(status: CriticalValueStatus): r.CriticalValueStatus {
  switch (status) {
    case 'raised':
      return r.CriticalValueStatus.CRITICAL_VALUE_STATUS_RAISED;
    case 'escalated':
      return r.CriticalValueStatus.CRITICAL_VALUE_STATUS_ESCALATED;
    case 'acknowledged':
      return r.CriticalValueStatus.CRITICAL_VALUE_STATUS_ACKNOWLEDGED;
  }
}

/** Undefined for unspecified (any), null for a value this service does not know. */
export function criticalStatusFromProto(
  status: r.CriticalValueStatus,
): CriticalValueStatus | undefined | null {
  switch (status) {
    case r.CriticalValueStatus.CRITICAL_VALUE_STATUS_UNSPECIFIED:
      return undefined;
    case r.CriticalValueStatus.CRITICAL_VALUE_STATUS_RAISED:
      return 'raised';
    case r.CriticalValueStatus.CRITICAL_VALUE_STATUS_ESCALATED:
      return 'escalated';
    case r.CriticalValueStatus.CRITICAL_VALUE_STATUS_ACKNOWLEDGED:
      return 'acknowledged';
    default:
      return null;
  }
}

function observationFromProto(o: r.Observation): ReportContentInput['observations'][number] {
  const value: Observation['value'] | null = o.quantity
    ? { kind: 'quantity', value: o.quantity.value, unit: o.quantity.unit }
    : o.coded
      ? { kind: 'coded', system: o.coded.system, code: o.coded.code, display: o.coded.display }
      : o.text !== undefined
        ? { kind: 'text', text: o.text }
        : null;
  return {
    itemCode: o.itemCode.trim().toUpperCase(),
    nationalCode: o.nationalCode.trim() || null,
    loinc: o.loinc.trim() || null,
    name: o.name,
    value,
    referenceRange: o.referenceRange
      ? { low: o.referenceRange.low ?? null, high: o.referenceRange.high ?? null }
      : null,
    flag: o.flag.trim().toUpperCase() as AbnormalFlag,
  };
}

/** Undefined when the request carries no content (refused as REQUIRED by the command). */
export function contentFromProto(c: r.ReportContent | undefined): ReportContentInput | undefined {
  if (!c) return undefined;
  return {
    findings: c.findings,
    conclusion: c.conclusion,
    observations: c.observations.map(observationFromProto),
    critical: c.critical,
    criticalNote: c.criticalNote,
    dataClass: c.dataClass,
  };
}

/** An observation as every RPC carries it (a report's content, a result of the registry). */
export function observationToProto(o: Observation): r.Observation {
  const v = o.value;
  return {
    itemCode: o.itemCode,
    nationalCode: o.nationalCode ?? '',
    loinc: o.loinc ?? '',
    name: o.name,
    quantity: v.kind === 'quantity' ? { value: v.value, unit: v.unit } : undefined,
    coded: v.kind === 'coded' ? { system: v.system, code: v.code, display: v.display } : undefined,
    text: v.kind === 'text' ? v.text : undefined,
    referenceRange: o.referenceRange
      ? { low: o.referenceRange.low ?? undefined, high: o.referenceRange.high ?? undefined }
      : undefined,
    flag: o.flag,
  };
}

export function contentToProto(c: ReportContent): r.ReportContent {
  return {
    findings: c.findings,
    conclusion: c.conclusion,
    observations: c.observations.map(observationToProto),
    critical: c.critical,
    criticalNote: c.criticalNote ?? '',
    dataClass: c.dataClass,
  };
}

export function reportToProto(s: ReportSnapshot): r.Report {
  return {
    id: s.id,
    orderId: s.orderId,
    centreId: s.centreId,
    groupId: s.groupId,
    orderingInstitutionId: s.orderingInstitutionId,
    patientResidentId: s.patientResidentId,
    itemCode: s.itemCode,
    itemKind: itemKindToProto(s.itemKind),
    urgency: urgencyToProto(s.urgency),
    receivedAt: s.receivedAt,
    dueAt: s.dueAt,
    status: reportStatusToProto(s.status),
    claim: s.claim
      ? {
          practitionerId: s.claim.practitionerId,
          claimedAt: s.claim.claimedAt,
          lastActivityAt: s.claim.lastActivityAt,
        }
      : undefined,
    draft: s.draft ? contentToProto(s.draft) : undefined,
    versions: s.versions.map((v) => ({
      number: v.number,
      content: contentToProto(v.content),
      signedBy: v.signedBy,
      signedAt: v.signedAt,
      amendmentReason: v.amendmentReason ?? '',
    })),
    dataClass: Report.restore(s).dataClass(),
    version: s.version,
  };
}

export function worklistEntryToProto(e: WorklistEntry): r.WorklistEntry {
  return { report: reportToProto(e.report), overdue: e.overdue, taken: e.taken };
}

export function criticalValueToProto(a: CriticalValueAlertSnapshot): r.CriticalValueAlert {
  return {
    id: a.id,
    reportId: a.reportId,
    reportVersion: a.reportVersion,
    orderId: a.orderId,
    groupId: a.groupId,
    centreId: a.centreId,
    orderingInstitutionId: a.orderingInstitutionId,
    patientResidentId: a.patientResidentId,
    note: a.note,
    raisedAt: a.raisedAt,
    acknowledgeBy: a.acknowledgeBy,
    status: criticalStatusToProto(a.status),
    escalatedAt: a.escalatedAt ?? undefined,
    acknowledgedAt: a.acknowledgedAt ?? undefined,
    acknowledgedBy: a.acknowledgedBy ?? '',
    version: a.version,
  };
}
