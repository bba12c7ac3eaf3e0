import './instrumentation';
import {
  CityRegisteredKafkaConsumer,
  GridRegisteredKafkaConsumer,
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
  TeamChangedKafkaConsumer,
} from '@medgrid/registry-view';
import { runService } from '@medgrid/service';
import { BudgetGrpcController } from './budgets/interface/grpc/budget.grpc.controller';
import { REFERRAL_EVENT_CONSUMERS } from './claims/interface/kafka/referral-events.kafka.consumer';
import { loadPaymentConfig } from './config/payment.config';
import { ClaimGrpcController } from './claims/interface/grpc/claim.grpc.controller';
import { paymentDataSource } from './database/payment-data-source';
import { PaymentContractChangedKafkaConsumer } from './enrolment/interface/kafka/contract-changed.kafka.consumer';
import { EnrolmentGrpcController } from './enrolment/interface/grpc/enrolment.grpc.controller';
import { PaymentModule } from './payment.module';
import { RuleGrpcController } from './rules/interface/grpc/rule.grpc.controller';
import { ServiceInfoGrpcController } from './service-info/interface/grpc/service-info.grpc.controller';
import { SettlementGrpcController } from './settlement/interface/grpc/settlement.grpc.controller';

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
        BudgetGrpcController,
        SettlementGrpcController,
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
      // Teams and contracts: the residents a group manages, counted for its capitation overall and per disease, and
      // a claim's contract checked on its service date (the shared view and payment's own, with early ends).
      TeamChangedKafkaConsumer,
      PaymentContractChangedKafkaConsumer,
      // Referrals (medgrid.referral.referral.v1): a claim's stated referral checked against referral's word.
      ...REFERRAL_EVENT_CONSUMERS,
    ],
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
  }),
);
