import { purchasingServiceV1 as pb } from '@medgrid/contracts';
import { type ProcurementSavings } from '../domain/procurement-savings';
import { type PurchaseOrder } from '../domain/purchase-order';
import { type DistributionRecord } from '../domain/purchasing.repository';
import { type Requisition, type RequisitionStatus } from '../domain/requisition';
import { type LedgerEntry } from '../domain/settlement-ledger';

const STATUS: Record<RequisitionStatus, pb.RequisitionStatus> = {
  open: pb.RequisitionStatus.REQUISITION_STATUS_OPEN,
  ordered: pb.RequisitionStatus.REQUISITION_STATUS_ORDERED,
  cancelled: pb.RequisitionStatus.REQUISITION_STATUS_CANCELLED,
};

/** A status filter as the request carries it; UNSPECIFIED (or unknown) is every status. */
export function requisitionStatusFromProto(status: pb.RequisitionStatus): RequisitionStatus | undefined {
  return (Object.keys(STATUS) as RequisitionStatus[]).find((key) => STATUS[key] === status);
}

export function requisitionToProto(requisition: Requisition): pb.Requisition {
  const s = requisition.snapshot();
  return {
    id: s.id,
    institutionId: s.institutionId,
    lines: s.lines.map(({ drugCode, quantity }) => ({ drugCode, quantity })),
    status: STATUS[s.status],
    purchaseOrderIds: [...s.purchaseOrderIds],
    raisedAt: s.raisedAt,
  };
}

export function purchaseOrderToProto(order: PurchaseOrder): pb.PurchaseOrder {
  const s = order.snapshot();
  return {
    id: s.id,
    supplier: s.supplier,
    status: s.status,
    placedAt: s.placedAt,
    closedAt: s.closedAt ?? undefined,
    lines: s.lines.map((line) => ({
      drugCode: line.drugCode,
      quantity: line.quantity,
      unitPriceFen: line.unitPriceFen,
      listPriceFen: line.listPriceFen,
      sources: line.sources.map(({ requisitionId, institutionId, quantity }) => ({
        requisitionId,
        institutionId,
        quantity,
      })),
      receipts: line.receipts.map(({ deliveryId, drugCode, quantity }) => ({
        deliveryId,
        drugCode,
        quantity,
      })),
    })),
  };
}

export function distributionToProto(d: DistributionRecord): pb.Distribution {
  return {
    purchaseOrderId: d.purchaseOrderId,
    supplier: d.supplier,
    allocations: d.allocations.map((a) => ({ ...a })),
    shortfalls: d.shortfalls.map((s) => ({ ...s })),
    shortages: d.shortages.map(({ drugCode, ordered, delivered }) => ({ drugCode, ordered, delivered })),
    distributedAt: d.distributedAt,
  };
}

export function ledgerEntryToProto(entry: LedgerEntry): pb.LedgerEntry {
  return {
    sequence: entry.sequence,
    supplier: entry.supplier,
    kind: entry.kind,
    reference: entry.reference,
    drugCode: entry.drugCode ?? '',
    quantity: entry.quantity ?? 0,
    unitPriceFen: entry.unitPriceFen ?? 0,
    amountFen: entry.amountFen,
    at: entry.at,
  };
}

export function savingsToProto(savings: ProcurementSavings): pb.GetProcurementSavingsResponse {
  return {
    listAmountFen: savings.listAmountFen,
    paidAmountFen: savings.paidAmountFen,
    savedFen: savings.savedFen,
    savedShareBp: savings.savedShareBp ?? 0,
    procurements: savings.procurements,
  };
}
