import './runtime-flags';
import './instrumentation';
import {
  ContractChangedKafkaConsumer,
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
  TeamChangedKafkaConsumer,
} from '@medgrid/registry-view';
import { runService } from '@medgrid/service';
import { loadPharmacyConfig } from './config/pharmacy.config';
import { pharmacyDataSource } from './database/pharmacy-data-source';
import { PharmacyModule } from './pharmacy.module';
import { ContinuityGrpcController } from './continuity/interface/grpc/continuity.grpc.controller';
import { ReferralIssuedKafkaConsumer } from './continuity/interface/kafka/referral-issued.kafka.consumer';
import { CatalogueGrpcController } from './catalogue/interface/grpc/catalogue.grpc.controller';
import { FormularyGrpcController } from './formulary/interface/grpc/formulary.grpc.controller';
import { PrescribingGrpcController } from './prescribing/interface/grpc/prescribing.grpc.controller';
import { PurchasingGrpcController } from './purchasing/interface/grpc/purchasing.grpc.controller';
import { ServiceInfoGrpcController } from './service-info/interface/grpc/service-info.grpc.controller';

void runService(
  'pharmacy',
  () => loadPharmacyConfig(),
  (config) => ({
    dataSource: (c) => pharmacyDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [PharmacyModule],
    // Every call's group claim is checked against the registry projection (docs/decisions/0004).
    grpc: {
      controllers: [
        ServiceInfoGrpcController,
        CatalogueGrpcController,
        FormularyGrpcController,
        PrescribingGrpcController,
        PurchasingGrpcController,
        ContinuityGrpcController,
      ],
      institutions: RegistryViewInstitutionDirectory,
    },
    eventHandlers: [
      InstitutionChangedKafkaConsumer,
      MedicalGroupChangedKafkaConsumer,
      // A patient's contracts (a team's home institution), so a long prescription goes to contracted residents only.
      TeamChangedKafkaConsumer,
      ContractChangedKafkaConsumer,
      // A downward referral issued: its medication list assessed at the receiving institution.
      ReferralIssuedKafkaConsumer,
    ],
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
  }),
);
