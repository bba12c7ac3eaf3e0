import './instrumentation';
import {
  CityRegisteredKafkaConsumer,
  ContractChangedKafkaConsumer,
  GridRegisteredKafkaConsumer,
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  PractitionerChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
  TeamChangedKafkaConsumer,
} from '@medgrid/registry-view';
import { runService } from '@medgrid/service';
import { CentreGrpcController } from './centres/interface/grpc/centre.grpc.controller';
import { loadLabSharingConfig } from './config/lab-sharing.config';
import { labSharingDataSource } from './database/lab-sharing-data-source';
import { LabSharingModule } from './lab-sharing.module';
import { OrderGrpcController } from './orders/interface/grpc/order.grpc.controller';
import { SterilisationGrpcController } from './orders/interface/grpc/sterilisation.grpc.controller';
import { RecognitionGrpcController } from './recognition/interface/grpc/recognition.grpc.controller';
import { ReportGrpcController } from './reporting/interface/grpc/report.grpc.controller';
import { ResultGrpcController } from './results/interface/grpc/result.grpc.controller';
import { ReferralAcceptedKafkaConsumer } from './results/interface/kafka/referral-accepted.kafka.consumer';
import { ReferralCancelledKafkaConsumer } from './results/interface/kafka/referral-cancelled.kafka.consumer';
import { ReferralChangedKafkaConsumer } from './results/interface/kafka/referral-changed.kafka.consumer';
import { ReferralExpiredKafkaConsumer } from './results/interface/kafka/referral-expired.kafka.consumer';
import { ReferralSubmittedKafkaConsumer } from './results/interface/kafka/referral-submitted.kafka.consumer';
import { ServiceInfoGrpcController } from './service-info/interface/grpc/service-info.grpc.controller';

void runService(
  'lab-sharing',
  () => loadLabSharingConfig(),
  (config) => ({
    dataSource: (c) => labSharingDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [LabSharingModule],
    // Every call's group claim is checked against the registry projection (docs/decisions/0004).
    grpc: {
      controllers: [
        ServiceInfoGrpcController,
        CentreGrpcController,
        SterilisationGrpcController,
        OrderGrpcController,
        ReportGrpcController,
        RecognitionGrpcController,
        ResultGrpcController,
      ],
      institutions: RegistryViewInstitutionDirectory,
    },
    // Institutions and groups for the group claim and centre hosts; practitioners for centres' reporters.
    eventHandlers: [
      InstitutionChangedKafkaConsumer,
      MedicalGroupChangedKafkaConsumer,
      PractitionerChangedKafkaConsumer,
      // A site's city (group → grid → city): its region's catalogue and regional recognition.
      GridRegisteredKafkaConsumer,
      CityRegisteredKafkaConsumer,
      // A patient's contracts, so a result for another group's patient is refused.
      TeamChangedKafkaConsumer,
      ContractChangedKafkaConsumer,
      // Referrals, so a receiving institution reads the results that travel with the patient.
      ReferralSubmittedKafkaConsumer,
      ReferralAcceptedKafkaConsumer,
      ReferralCancelledKafkaConsumer,
      ReferralExpiredKafkaConsumer,
      ReferralChangedKafkaConsumer,
    ],
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
  }),
);
