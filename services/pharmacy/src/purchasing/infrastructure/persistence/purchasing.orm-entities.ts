import { PurchaseDeliveryOrmEntity } from './purchase-delivery.orm-entity';
import { PurchaseDistributionOrmEntity } from './purchase-distribution.orm-entity';
import { PurchaseOrderOrmEntity } from './purchase-order.orm-entity';
import { RequisitionOrmEntity } from './requisition.orm-entity';
import { SupplierLedgerEntryOrmEntity } from './supplier-ledger-entry.orm-entity';

/** Purchasing's tables, for the pharmacy data source. */
export const PURCHASING_ENTITIES = [
  RequisitionOrmEntity,
  PurchaseOrderOrmEntity,
  PurchaseDeliveryOrmEntity,
  PurchaseDistributionOrmEntity,
  SupplierLedgerEntryOrmEntity,
];
