import { type Delivery, PurchaseOrder, type PurchaseOrderLine } from '../../domain/purchase-order';
import { type DistributionRecord } from '../../domain/purchasing.repository';
import { Requisition, type RequisitionStatus } from '../../domain/requisition';
import { type LedgerEntry } from '../../domain/settlement-ledger';
import { type PurchaseDeliveryOrmEntity } from './purchase-delivery.orm-entity';
import { type PurchaseDistributionOrmEntity } from './purchase-distribution.orm-entity';
import { type PurchaseOrderOrmEntity } from './purchase-order.orm-entity';
import { type RequisitionOrmEntity } from './requisition.orm-entity';
import { type SupplierLedgerEntryOrmEntity } from './supplier-ledger-entry.orm-entity';

/** A purchase order line as stored: instants as ISO strings. */
export type PurchaseOrderLineJson = Omit<PurchaseOrderLine, 'sources'> & {
  readonly sources: readonly (Omit<PurchaseOrderLine['sources'][number], 'raisedAt'> & {
    raisedAt: string;
  })[];
};

export type DeliveryLineJson = Delivery['lines'][number];

export function requisitionToEntity(groupId: string, requisition: Requisition): RequisitionOrmEntity {
  const s = requisition.snapshot();
  return {
    id: s.id,
    groupId,
    institutionId: s.institutionId,
    status: s.status,
    lines: s.lines.map(({ drugCode, quantity }) => ({ drugCode, quantity })),
    purchaseOrderIds: [...s.purchaseOrderIds],
    raisedAt: s.raisedAt,
  };
}

export function requisitionFromEntity(row: RequisitionOrmEntity): Requisition {
  return Requisition.restore({
    id: row.id,
    institutionId: row.institutionId,
    lines: row.lines,
    status: row.status as RequisitionStatus,
    purchaseOrderIds: row.purchaseOrderIds,
    raisedAt: row.raisedAt,
  });
}

export function orderLinesToJson(lines: readonly PurchaseOrderLine[]): PurchaseOrderLineJson[] {
  return lines.map((line) => ({
    ...line,
    sources: line.sources.map((source) => ({ ...source, raisedAt: source.raisedAt.toISOString() })),
  }));
}

export function orderFromEntity(row: PurchaseOrderOrmEntity): PurchaseOrder {
  return PurchaseOrder.restore({
    id: row.id,
    supplier: row.supplier,
    status: row.status as 'open' | 'closed',
    placedAt: row.placedAt,
    closedAt: row.closedAt,
    lines: row.lines.map((line) => ({
      ...line,
      sources: line.sources.map((source) => ({ ...source, raisedAt: new Date(source.raisedAt) })),
    })),
  });
}

export function deliveryFromEntity(row: PurchaseDeliveryOrmEntity): Delivery {
  return {
    deliveryId: row.deliveryId,
    purchaseOrderId: row.purchaseOrderId,
    supplier: row.supplier,
    lines: row.lines,
    receivedAt: row.receivedAt,
  };
}

export function distributionFromEntity(row: PurchaseDistributionOrmEntity): DistributionRecord {
  return {
    purchaseOrderId: row.purchaseOrderId,
    supplier: row.supplier,
    allocations: row.allocations,
    shortfalls: row.shortfalls,
    shortages: row.shortages,
    distributedAt: row.distributedAt,
  };
}

export function ledgerEntryToEntity(groupId: string, entry: LedgerEntry): SupplierLedgerEntryOrmEntity {
  return { groupId, ...entry };
}

export function ledgerEntryFromEntity(row: SupplierLedgerEntryOrmEntity): LedgerEntry {
  return {
    sequence: row.sequence,
    supplier: row.supplier,
    kind: row.kind as LedgerEntry['kind'],
    reference: row.reference,
    drugCode: row.drugCode,
    quantity: row.quantity,
    unitPriceFen: row.unitPriceFen,
    amountFen: row.amountFen,
    at: row.at,
  };
}
