import { type CriticalValueAlertSnapshot, type CriticalValueStatus } from '../../domain/critical-value';
import { type CriticalValueAlertOrmEntity } from './critical-value-alert.orm-entity';

/** An alert's row without its relation. */
export type CriticalValueAlertRow = Omit<CriticalValueAlertOrmEntity, 'report'>;

export function alertToEntity(s: CriticalValueAlertSnapshot): CriticalValueAlertRow {
  return {
    id: s.id,
    reportId: s.reportId,
    reportVersion: s.reportVersion,
    orderId: s.orderId,
    groupId: s.groupId,
    centreId: s.centreId,
    orderingInstitutionId: s.orderingInstitutionId,
    patientResidentId: s.patientResidentId,
    note: s.note,
    raisedAt: s.raisedAt,
    acknowledgeBy: s.acknowledgeBy,
    status: s.status,
    escalatedAt: s.escalatedAt,
    acknowledgedAt: s.acknowledgedAt,
    acknowledgedBy: s.acknowledgedBy,
    version: s.version,
  };
}

export function alertFromEntity(e: CriticalValueAlertRow): CriticalValueAlertSnapshot {
  return {
    id: e.id,
    reportId: e.reportId,
    reportVersion: e.reportVersion,
    orderId: e.orderId,
    groupId: e.groupId,
    centreId: e.centreId,
    orderingInstitutionId: e.orderingInstitutionId,
    patientResidentId: e.patientResidentId,
    note: e.note,
    raisedAt: e.raisedAt,
    acknowledgeBy: e.acknowledgeBy,
    status: e.status as CriticalValueStatus,
    escalatedAt: e.escalatedAt,
    acknowledgedAt: e.acknowledgedAt,
    acknowledgedBy: e.acknowledgedBy,
    version: e.version,
  };
}
