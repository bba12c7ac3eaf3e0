import './instrumentation';
import {
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
} from '@medgrid/registry-view';
import { runService } from '@medgrid/service';
import { loadPharmacyConfig } from './config/pharmacy.config';
import { pharmacyDataSource } from './database/pharmacy-data-source';
import { PharmacyModule } from './pharmacy.module';
import { CatalogueGrpcController } from './catalogue/interface/grpc/catalogue.grpc.controller';
import { ServiceInfoGrpcController } from './service-info/interface/grpc/service-info.grpc.controller';

void runService(
  'pharmacy',
  () => loadPharmacyConfig(),
  (config) => ({
    dataSource: (c) => pharmacyDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [PharmacyModule],
    // Every call's group claim is checked against the registry projection (docs/decisions/0004).
    grpc: {
      controllers: [ServiceInfoGrpcController, CatalogueGrpcController],
      institutions: RegistryViewInstitutionDirectory,
    },
    eventHandlers: [InstitutionChangedKafkaConsumer, MedicalGroupChangedKafkaConsumer],
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
  }),
);
