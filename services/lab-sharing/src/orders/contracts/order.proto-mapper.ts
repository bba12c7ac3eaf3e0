import { orderServiceV1 as o } from '@medgrid/contracts';
import { type ItemKind } from '../../common/exam-kinds';
import { type Urgency } from '../../common/urgency';
import { type OrderSnapshot, type OrderStatus } from '../domain/order';

/** Undefined for unspecified or a value this service does not know: refused as REQUIRED by the command. */
export function urgencyFromProto(urgency: o.OrderUrgency): Urgency | undefined {
  switch (urgency) {
    case o.OrderUrgency.ORDER_URGENCY_ROUTINE:
      return 'routine';
    case o.OrderUrgency.ORDER_URGENCY_URGENT:
      return 'urgent';
    case o.OrderUrgency.ORDER_URGENCY_EMERGENCY:
      return 'emergency';
    default:
      return undefined;
  }
}

export function urgencyToProto(urgency: Urgency): o.OrderUrgency {
  switch (urgency) {
    case 'routine':
      return o.OrderUrgency.ORDER_URGENCY_ROUTINE;
    case 'urgent':
      return o.OrderUrgency.ORDER_URGENCY_URGENT;
    case 'emergency':
      return o.OrderUrgency.ORDER_URGENCY_EMERGENCY;
  }
}

export function itemKindToProto(kind: ItemKind): o.OrderItemKind {
  switch (kind) {
    case 'laboratory':
      return o.OrderItemKind.ORDER_ITEM_KIND_LABORATORY;
    case 'imaging':
      return o.OrderItemKind.ORDER_ITEM_KIND_IMAGING;
    case 'ecg':
      return o.OrderItemKind.ORDER_ITEM_KIND_ECG;
    case 'pathology':
      return o.OrderItemKind.ORDER_ITEM_KIND_PATHOLOGY;
    case 'remote-consultation':
      return o.OrderItemKind.ORDER_ITEM_KIND_REMOTE_CONSULTATION;
  }
}

/** Undefined for unspecified (any), null for a value this service does not know. */
export function orderStatusFromProto(status: o.OrderStatus): OrderStatus | undefined | null {
  switch (status) {
    case o.OrderStatus.ORDER_STATUS_UNSPECIFIED:
      return undefined;
    case o.OrderStatus.ORDER_STATUS_PLACED:
      return 'placed';
    case o.OrderStatus.ORDER_STATUS_PERFORMED:
      return 'performed';
    case o.OrderStatus.ORDER_STATUS_REPORTED:
      return 'reported';
    case o.OrderStatus.ORDER_STATUS_CANCELLED:
      return 'cancelled';
    default:
      return null;
  }
}

function orderStatusToProto(status: OrderStatus): o.OrderStatus {
  switch (status) {
    case 'placed':
      return o.OrderStatus.ORDER_STATUS_PLACED;
    case 'performed':
      return o.OrderStatus.ORDER_STATUS_PERFORMED;
    case 'reported':
      return o.OrderStatus.ORDER_STATUS_REPORTED;
    case 'cancelled':
      return o.OrderStatus.ORDER_STATUS_CANCELLED;
  }
}

export function orderToProto(s: OrderSnapshot): o.Order {
  const exam = s.exam;
  return {
    id: s.id,
    groupId: s.groupId,
    centreId: s.centreId,
    orderingInstitutionId: s.orderingInstitutionId,
    orderingPractitionerId: s.orderingPractitionerId,
    patientResidentId: s.patientResidentId,
    item: {
      code: s.item.code,
      kind: itemKindToProto(s.item.kind),
      modality: s.item.modality ?? '',
      specimen: s.item.specimen ?? '',
      dataClass: s.item.dataClass,
    },
    clinicalInfo: s.clinicalInfo,
    urgency: urgencyToProto(s.urgency),
    referralId: s.referralId ?? '',
    lookupId: s.lookupId ?? '',
    status: orderStatusToProto(s.status),
    placedAt: s.placedAt,
    study:
      exam?.kind === 'imaging-study'
        ? {
            studyInstanceUid: exam.study.studyInstanceUid,
            accessionNumber: exam.study.accessionNumber,
            modalities: [...exam.study.modalities],
            performedAt: exam.study.performedAt,
          }
        : undefined,
    trace: exam?.kind === 'ecg-trace' ? { ...exam.trace } : undefined,
    specimen: exam?.kind === 'specimen' ? { ...exam.specimen } : undefined,
    performedAt: s.performedAt ?? undefined,
    reportId: s.reportId ?? '',
    reportedAt: s.reportedAt ?? undefined,
    cancelReason: s.cancelReason ?? '',
    cancelledAt: s.cancelledAt ?? undefined,
    version: s.version,
  };
}
