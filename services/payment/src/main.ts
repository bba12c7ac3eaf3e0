import './instrumentation';
import {
  CityRegisteredKafkaConsumer,
  GridRegisteredKafkaConsumer,
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
} from '@medgrid/registry-view';
import { runService } from '@medgrid/service';
import { loadPaymentConfig } from './config/payment.config';
import { ClaimGrpcController } from './claims/interface/grpc/claim.grpc.controller';
import { paymentDataSource } from './database/payment-data-source';
import { EnrolmentGrpcController } from './enrolment/interface/grpc/enrolment.grpc.controller';
import { PaymentModule } from './payment.module';
import { RuleGrpcController } from './rules/interface/grpc/rule.grpc.controller';
import { ServiceInfoGrpcController } from './service-info/interface/grpc/service-info.grpc.controller';

void runService(
  'payment',
  () => loadPaymentConfig(),
  (config) => ({
    dataSource: (c) => paymentDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [PaymentModule],
    // Every call's group claim is checked against the registry projection (docs/decisions/0004).
    grpc: {
      controllers: [
        ServiceInfoGrpcController,
        EnrolmentGrpcController,
        RuleGrpcController,
        ClaimGrpcController,
      ],
      institutions: RegistryViewInstitutionDirectory,
    },
    eventHandlers: [
      // Institutions (their level) and groups, for the group claim and a claim's institution.
      InstitutionChangedKafkaConsumer,
      MedicalGroupChangedKafkaConsumer,
      // A group's city (group → grid → city): the region whose reimbursement table judges its claims.
      GridRegisteredKafkaConsumer,
      CityRegisteredKafkaConsumer,
    ],
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
  }),
);
