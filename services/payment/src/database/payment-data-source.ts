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
import { CapitationScheduleVersionOrmEntity } from '../budgets/infrastructure/persistence/capitation-schedule-version.orm-entity';
import { GlobalBudgetOrmEntity } from '../budgets/infrastructure/persistence/global-budget.orm-entity';
import { ClaimOrmEntity } from '../claims/infrastructure/persistence/claim.orm-entity';
import { ClaimVersionOrmEntity } from '../claims/infrastructure/persistence/claim-version.orm-entity';
import { KnownReferralOrmEntity } from '../claims/infrastructure/persistence/known-referral.orm-entity';
import { CoverageLoadOrmEntity } from '../enrolment/infrastructure/persistence/coverage-load.orm-entity';
import { FamilyDoctorContractOrmEntity } from '../enrolment/infrastructure/persistence/family-doctor-contract.orm-entity';
import { CoverageSpellOrmEntity } from '../enrolment/infrastructure/persistence/coverage-spell.orm-entity';
import { DiseaseGroupTableVersionOrmEntity } from '../rules/infrastructure/persistence/disease-group-table-version.orm-entity';
import { ReimbursementTableOrmEntity } from '../rules/infrastructure/persistence/reimbursement-table.orm-entity';
import { ReimbursementTableVersionOrmEntity } from '../rules/infrastructure/persistence/reimbursement-table-version.orm-entity';
import {
  LedgerEntryOrmEntity,
  SettlementClaimOrmEntity,
  SettlementRunOrmEntity,
} from '../settlement/infrastructure/persistence/settlement-run.orm-entity';
import { SettlementRulesVersionOrmEntity } from '../settlement/infrastructure/persistence/settlement-rules-version.orm-entity';
import { Enrolment1734500000001 } from './migrations/1734500000001-enrolment';
import { ReimbursementTables1734500000002 } from './migrations/1734500000002-reimbursement-tables';
import { Claims1734500000003 } from './migrations/1734500000003-claims';
import { Settlement1734500000004 } from './migrations/1734500000004-settlement';
import { ClaimSettlementFigures1766200000001 } from './migrations/1766200000001-claim-settlement-figures';
import { DiseaseGroupTables1766300000001 } from './migrations/1766300000001-disease-group-tables';
import { FamilyDoctorContracts1766300000002 } from './migrations/1766300000002-family-doctor-contracts';
import { KnownReferrals1766300000003 } from './migrations/1766300000003-known-referrals';

/**
 * The payment database: the platform's outbox/inbox tables, the audit
 * trail (reads of patient data, refused group claims), the registry
 * projection the group-claim check reads and the client request log (every
 * write answers its retries with ClientRequests) come first. The service's own tables
 * follow, each change a new migration under migrations/ named
 * <timestamp>-<what>.ts and listed here after these.
 */
export const PAYMENT_ENTITIES = [
  OutboxOrmEntity,
  InboxOrmEntity,
  ...REGISTRY_VIEW_ENTITIES,
  AuditLogOrmEntity,
  ClientRequestOrmEntity,
  CoverageSpellOrmEntity,
  CoverageLoadOrmEntity,
  ReimbursementTableOrmEntity,
  ReimbursementTableVersionOrmEntity,
  ClaimOrmEntity,
  ClaimVersionOrmEntity,
  CapitationScheduleVersionOrmEntity,
  GlobalBudgetOrmEntity,
  SettlementRulesVersionOrmEntity,
  SettlementRunOrmEntity,
  SettlementClaimOrmEntity,
  LedgerEntryOrmEntity,
  DiseaseGroupTableVersionOrmEntity,
  FamilyDoctorContractOrmEntity,
  KnownReferralOrmEntity,
];
export const PAYMENT_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateAuditLog1732300000002,
  CreateRegistryViewTables1732600000000,
  RegistryViewCities1733300000001,
  CreateClientRequestLog1733500000001,
  RegistryViewPractitioners1734100000001,
  Enrolment1734500000001,
  ReimbursementTables1734500000002,
  Claims1734500000003,
  Settlement1734500000004,
  ClaimSettlementFigures1766200000001,
  DiseaseGroupTables1766300000001,
  FamilyDoctorContracts1766300000002,
  KnownReferrals1766300000003,
  AuditLogAppendOnly1767300000001,
];

export function paymentDataSource(url: string, poolSize?: number): DataSource {
  return createDataSource({
    url,
    applicationName: 'payment',
    poolSize,
    entities: PAYMENT_ENTITIES,
    migrations: PAYMENT_MIGRATIONS,
  });
}
