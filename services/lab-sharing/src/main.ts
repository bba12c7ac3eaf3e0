import './instrumentation';
import {
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  PractitionerChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
} from '@medgrid/registry-view';
import { runService } from '@medgrid/service';
import { CentreGrpcController } from './centres/interface/grpc/centre.grpc.controller';
import { loadLabSharingConfig } from './config/lab-sharing.config';
import { labSharingDataSource } from './database/lab-sharing-data-source';
import { LabSharingModule } from './lab-sharing.module';
import { SterilisationGrpcController } from './orders/interface/grpc/sterilisation.grpc.controller';
import { ServiceInfoGrpcController } from './service-info/interface/grpc/service-info.grpc.controller';

void runService(
  'lab-sharing',
  () => loadLabSharingConfig(),
  (config) => ({
    dataSource: (c) => labSharingDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [LabSharingModule],
    // Every call's group claim is checked against the registry projection (docs/decisions/0004).
    grpc: {
      controllers: [ServiceInfoGrpcController, CentreGrpcController, SterilisationGrpcController],
      institutions: RegistryViewInstitutionDirectory,
    },
    // Institutions and groups for the group claim and centre hosts; practitioners for centres' reporters.
    eventHandlers: [
      InstitutionChangedKafkaConsumer,
      MedicalGroupChangedKafkaConsumer,
      PractitionerChangedKafkaConsumer,
    ],
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
  }),
);
