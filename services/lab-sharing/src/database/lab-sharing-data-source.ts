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
import { LabQualityRecordOrmEntity } from '../centres/infrastructure/persistence/lab-quality-record.orm-entity';
import { SharedCentreOrmEntity } from '../centres/infrastructure/persistence/shared-centre.orm-entity';
import { LabOrderOrmEntity } from '../orders/infrastructure/persistence/lab-order.orm-entity';
import { SterilisationBatchOrmEntity } from '../orders/infrastructure/persistence/sterilisation-batch.orm-entity';
import { RecognitionCatalogueChangeOrmEntity } from '../recognition/infrastructure/persistence/recognition-catalogue-change.orm-entity';
import { RecognitionCatalogueItemOrmEntity } from '../recognition/infrastructure/persistence/recognition-catalogue-item.orm-entity';
import { RecognitionCatalogueOrmEntity } from '../recognition/infrastructure/persistence/recognition-catalogue.orm-entity';
import { RecognitionLookupOrmEntity } from '../recognition/infrastructure/persistence/recognition-lookup.orm-entity';
import { CriticalValueAlertOrmEntity } from '../reporting/infrastructure/persistence/critical-value-alert.orm-entity';
import { ReportVersionOrmEntity } from '../reporting/infrastructure/persistence/report-version.orm-entity';
import { ReportOrmEntity } from '../reporting/infrastructure/persistence/report.orm-entity';
import { ReferralPassOrmEntity } from '../results/infrastructure/persistence/referral-pass.orm-entity';
import { ResultRecordOrmEntity } from '../results/infrastructure/persistence/result-record.orm-entity';
import { SharedCentre1734100000101 } from './migrations/1734100000101-shared-centre';
import { LabQualityRecord1734100000102 } from './migrations/1734100000102-lab-quality-record';
import { SterilisationBatch1734100000103 } from './migrations/1734100000103-sterilisation-batch';
import { CreateLabOrder1734100000201 } from './migrations/1734100000201-create-lab-order';
import { CreateReport1734100000202 } from './migrations/1734100000202-create-report';
import { RecognitionCatalogue1734100000300 } from './migrations/1734100000300-recognition-catalogue';
import { RecognitionLookup1734100000301 } from './migrations/1734100000301-recognition-lookup';
import { ResultRecord1734100000302 } from './migrations/1734100000302-result-record';
import { ReferralPass1734100000303 } from './migrations/1734100000303-referral-pass';

/**
 * The lab-sharing database: the platform's outbox/inbox tables, the audit
 * trail (reads of patient data, refused group claims), the registry
 * projection the group-claim check reads and the client request log (every
 * write answers its retries with ClientRequests) come first. The service's own tables
 * follow, each change a new migration under migrations/ named
 * <timestamp>-<what>.ts and listed here after these.
 */
export const LAB_SHARING_ENTITIES = [
  OutboxOrmEntity,
  InboxOrmEntity,
  ...REGISTRY_VIEW_ENTITIES,
  AuditLogOrmEntity,
  ClientRequestOrmEntity,
  SharedCentreOrmEntity,
  LabQualityRecordOrmEntity,
  SterilisationBatchOrmEntity,
  LabOrderOrmEntity,
  ReportOrmEntity,
  ReportVersionOrmEntity,
  CriticalValueAlertOrmEntity,
  RecognitionCatalogueOrmEntity,
  RecognitionCatalogueItemOrmEntity,
  RecognitionCatalogueChangeOrmEntity,
  RecognitionLookupOrmEntity,
  ResultRecordOrmEntity,
  ReferralPassOrmEntity,
];
export const LAB_SHARING_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateAuditLog1732300000002,
  CreateRegistryViewTables1732600000000,
  RegistryViewCities1733300000001,
  CreateClientRequestLog1733500000001,
  RegistryViewPractitioners1734100000001,
  SharedCentre1734100000101,
  LabQualityRecord1734100000102,
  SterilisationBatch1734100000103,
  CreateLabOrder1734100000201,
  CreateReport1734100000202,
  RecognitionCatalogue1734100000300,
  RecognitionLookup1734100000301,
  ResultRecord1734100000302,
  ReferralPass1734100000303,
  AuditLogAppendOnly1767300000001,
];

export function labSharingDataSource(url: string, poolSize?: number): DataSource {
  return createDataSource({
    url,
    applicationName: 'lab-sharing',
    poolSize,
    entities: LAB_SHARING_ENTITIES,
    migrations: LAB_SHARING_MIGRATIONS,
  });
}
