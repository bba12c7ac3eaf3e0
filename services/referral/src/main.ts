import './instrumentation';
import {
  ContractChangedKafkaConsumer,
  DepartmentRegisteredKafkaConsumer,
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
  ResidentChangedKafkaConsumer,
  TeamChangedKafkaConsumer,
} from '@medgrid/registry-view';
import { runService } from '@medgrid/service';
import { loadReferralConfig } from './config/referral.config';
import { CriteriaModule } from './criteria/criteria.module';
import { CriteriaGrpcController } from './criteria/interface/grpc/criteria.grpc.controller';
import { referralDataSource } from './database/referral-data-source';
import { ReferralsGrpcController } from './referrals/interface/grpc/referrals.grpc.controller';
import { ContinuityAssessedKafkaConsumer } from './referrals/interface/kafka/continuity-assessed.kafka.consumer';
import { SlotHoldChangedKafkaConsumer } from './referrals/interface/kafka/slot-hold.kafka.consumer';
import { ReferralsModule } from './referrals/referrals.module';

void runService(
  'referral',
  () => loadReferralConfig(),
  (config) => ({
    dataSource: (c) => referralDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [CriteriaModule, ReferralsModule],
    grpc: {
      controllers: [ReferralsGrpcController, CriteriaGrpcController],
      institutions: RegistryViewInstitutionDirectory,
    },
    eventHandlers: [
      SlotHoldChangedKafkaConsumer,
      ContinuityAssessedKafkaConsumer,
      InstitutionChangedKafkaConsumer,
      MedicalGroupChangedKafkaConsumer,
      DepartmentRegisteredKafkaConsumer,
      TeamChangedKafkaConsumer,
      ContractChangedKafkaConsumer,
      ResidentChangedKafkaConsumer,
    ],
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
  }),
);
