import { type DataClass } from '../../../common/data-class';
import { type ItemKind } from '../../../common/exam-kinds';
import { type Urgency, urgencyRank } from '../../../common/urgency';
import { type ReportContent, type ReportSnapshot, type ReportStatus } from '../../domain/report';
import { type ReportOrmEntity } from './report.orm-entity';
import { type ReportVersionOrmEntity } from './report-version.orm-entity';

/** A report's row without its relations. */
export type ReportRow = ReportOrmEntity;
/** A version's row without its relation. */
export type ReportVersionRow = Omit<ReportVersionOrmEntity, 'report'>;

// Every field is spelled out in both directions (no spreads), so a column added to the entity or a field added
// to the snapshot does not compile until it is mapped.

function contentCopy(c: ReportContent): ReportContent {
  return {
    findings: c.findings,
    conclusion: c.conclusion,
    observations: c.observations.map((o) => ({ ...o })),
    critical: c.critical,
    criticalNote: c.criticalNote,
    dataClass: c.dataClass,
  };
}

export function reportToEntity(s: ReportSnapshot): ReportRow {
  return {
    id: s.id,
    orderId: s.orderId,
    centreId: s.centreId,
    groupId: s.groupId,
    orderingInstitutionId: s.orderingInstitutionId,
    patientResidentId: s.patientResidentId,
    itemCode: s.itemCode,
    itemKind: s.itemKind,
    urgency: s.urgency,
    urgencyRank: urgencyRank(s.urgency),
    itemDataClass: s.itemDataClass,
    receivedAt: s.receivedAt,
    dueAt: s.dueAt,
    status: s.status,
    claimedBy: s.claim?.practitionerId ?? null,
    claimedAt: s.claim?.claimedAt ?? null,
    claimActiveAt: s.claim?.lastActivityAt ?? null,
    draft: s.draft ? contentCopy(s.draft) : null,
    version: s.version,
  };
}

export function versionsToEntities(s: ReportSnapshot): ReportVersionRow[] {
  return s.versions.map((v) => ({
    reportId: s.id,
    number: v.number,
    content: contentCopy(v.content),
    signedBy: v.signedBy,
    signedAt: v.signedAt,
    amendmentReason: v.amendmentReason,
  }));
}

export function reportFromEntity(e: ReportRow, versions: readonly ReportVersionRow[]): ReportSnapshot {
  return {
    id: e.id,
    orderId: e.orderId,
    centreId: e.centreId,
    groupId: e.groupId,
    orderingInstitutionId: e.orderingInstitutionId,
    patientResidentId: e.patientResidentId,
    itemCode: e.itemCode,
    itemKind: e.itemKind as ItemKind,
    urgency: e.urgency as Urgency,
    itemDataClass: e.itemDataClass as DataClass,
    receivedAt: e.receivedAt,
    dueAt: e.dueAt,
    status: e.status as ReportStatus,
    claim:
      e.claimedBy && e.claimedAt && e.claimActiveAt
        ? { practitionerId: e.claimedBy, claimedAt: e.claimedAt, lastActivityAt: e.claimActiveAt }
        : null,
    draft: e.draft ? contentCopy(e.draft) : null,
    versions: [...versions]
      .sort((a, b) => a.number - b.number)
      .map((v) => ({
        number: v.number,
        content: contentCopy(v.content),
        signedBy: v.signedBy,
        signedAt: v.signedAt,
        amendmentReason: v.amendmentReason,
      })),
    version: e.version,
  };
}
