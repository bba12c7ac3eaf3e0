import {
  AuditLogAppendOnly1767300000001,
  AuditLogOrmEntity,
  CreateAuditLog1732300000002,
} from '@medgrid/audit';
import { createDataSource } from '@medgrid/database';
import { ClientRequestOrmEntity, CreateClientRequestLog1733500000001 } from '@medgrid/idempotency';
import { CreateMessagingTables1732300000000, InboxOrmEntity, OutboxOrmEntity } from '@medgrid/messaging';
import {
  CreateRegistryViewTables1732600000000,
  REGISTRY_VIEW_ENTITIES,
  RegistryViewCities1733300000001,
  RegistryViewPractitioners1734100000001,
} from '@medgrid/registry-view';
import { type DataSource } from 'typeorm';
import { DrugCatalogueChangeOrmEntity } from '../catalogue/infrastructure/persistence/drug-catalogue-change.orm-entity';
import { DrugCatalogueOrmEntity } from '../catalogue/infrastructure/persistence/drug-catalogue.orm-entity';
import { DrugVersionOrmEntity } from '../catalogue/infrastructure/persistence/drug-version.orm-entity';
import { PrescriptionCheckOrmEntity } from '../prescribing/infrastructure/persistence/prescription-check.orm-entity';
import { ContinuityAssessmentOrmEntity } from '../continuity/infrastructure/persistence/continuity-assessment.orm-entity';
import { FormularyItemOrmEntity } from '../formulary/infrastructure/persistence/formulary-item.orm-entity';
import { StockBalanceOrmEntity } from '../formulary/infrastructure/persistence/stock-balance.orm-entity';
import { StockMovementOrmEntity } from '../formulary/infrastructure/persistence/stock-movement.orm-entity';
import { PurchaseDeliveryOrmEntity } from '../purchasing/infrastructure/persistence/purchase-delivery.orm-entity';
import { PurchaseDistributionOrmEntity } from '../purchasing/infrastructure/persistence/purchase-distribution.orm-entity';
import { PurchaseOrderOrmEntity } from '../purchasing/infrastructure/persistence/purchase-order.orm-entity';
import { RequisitionOrmEntity } from '../purchasing/infrastructure/persistence/requisition.orm-entity';
import { SupplierBalanceOrmEntity } from '../purchasing/infrastructure/persistence/supplier-balance.orm-entity';
import { SupplierLedgerEntryOrmEntity } from '../purchasing/infrastructure/persistence/supplier-ledger-entry.orm-entity';
import { DrugCatalogue1734300000100 } from './migrations/1734300000100-drug-catalogue';
import { Formulary1734300000200 } from './migrations/1734300000200-formulary';
import { Purchasing1765100000000 } from './migrations/1765100000000-purchasing';
import { ContinuityAssessment1765000000100 } from './migrations/1765000000100-continuity-assessment';
import { SupplierBalance1766100000000 } from './migrations/1766100000000-supplier-balance';
import { SupplierBalancePerStatement1766100000100 } from './migrations/1766100000100-supplier-balance-per-statement';
import { PrescriptionCheck1766000000000 } from './migrations/1766000000000-prescription-check';

/**
 * The pharmacy database: the platform's outbox/inbox tables, the audit
 * trail (reads of patient data, refused group claims), the registry
 * projection the group-claim check reads and the client request log (every
 * write answers its retries with ClientRequests) come first. The service's own tables
 * follow, each change a new migration under migrations/ named
 * <timestamp>-<what>.ts and listed here after these.
 */
export const PHARMACY_ENTITIES = [
  OutboxOrmEntity,
  InboxOrmEntity,
  ...REGISTRY_VIEW_ENTITIES,
  AuditLogOrmEntity,
  ClientRequestOrmEntity,
  DrugCatalogueOrmEntity,
  DrugVersionOrmEntity,
  DrugCatalogueChangeOrmEntity,
  FormularyItemOrmEntity,
  StockBalanceOrmEntity,
  StockMovementOrmEntity,
  RequisitionOrmEntity,
  PurchaseOrderOrmEntity,
  PurchaseDeliveryOrmEntity,
  PurchaseDistributionOrmEntity,
  SupplierLedgerEntryOrmEntity,
  SupplierBalanceOrmEntity,
  ContinuityAssessmentOrmEntity,
  PrescriptionCheckOrmEntity,
];
export const PHARMACY_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateAuditLog1732300000002,
  CreateRegistryViewTables1732600000000,
  RegistryViewCities1733300000001,
  CreateClientRequestLog1733500000001,
  RegistryViewPractitioners1734100000001,
  DrugCatalogue1734300000100,
  Formulary1734300000200,
  ContinuityAssessment1765000000100,
  Purchasing1765100000000,
  PrescriptionCheck1766000000000,
  SupplierBalance1766100000000,
  SupplierBalancePerStatement1766100000100,
  AuditLogAppendOnly1767300000001,
];

export function pharmacyDataSource(url: string, poolSize?: number): DataSource {
  return createDataSource({
    url,
    applicationName: 'pharmacy',
    poolSize,
    entities: PHARMACY_ENTITIES,
    migrations: PHARMACY_MIGRATIONS,
  });
}
