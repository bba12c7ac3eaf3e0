import './instrumentation';
import { ReportGrpcController } from './reports/interface/grpc/report.grpc.controller';
import { runService } from '@medgrid/service';
import { BedGrpcController } from './beds/interface/grpc/bed.grpc.controller';
import { BookingGrpcController } from './booking/interface/grpc/booking.grpc.controller';
import { loadSchedulingConfig } from './config/scheduling.config';
import { schedulingDataSource } from './database/scheduling-data-source';
import { SchedulingGrpcController } from './holds/interface/grpc/scheduling.grpc.controller';
import { ReferralAcceptedKafkaConsumer } from './holds/interface/kafka/referral-accepted.kafka.consumer';
import { ReferralCancelledKafkaConsumer } from './holds/interface/kafka/referral-cancelled.kafka.consumer';
import { ReferralDeclinedKafkaConsumer } from './holds/interface/kafka/referral-declined.kafka.consumer';
import { ReferralExpiredKafkaConsumer } from './holds/interface/kafka/referral-expired.kafka.consumer';
import { ReferralSubmittedKafkaConsumer } from './holds/interface/kafka/referral-submitted.kafka.consumer';
import {
  CityRegisteredKafkaConsumer,
  ContractChangedKafkaConsumer,
  DepartmentRegisteredKafkaConsumer,
  GridRegisteredKafkaConsumer,
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
  TeamChangedKafkaConsumer,
} from '@medgrid/registry-view';
import { SchedulingModule } from './scheduling.module';
import { ScheduleGrpcController } from './schedules/interface/grpc/schedule.grpc.controller';

void runService(
  'scheduling',
  () => loadSchedulingConfig(),
  () => ({
    dataSource: (c) => schedulingDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [SchedulingModule],
    grpc: {
      controllers: [
        SchedulingGrpcController,
        ScheduleGrpcController,
        BookingGrpcController,
        ReportGrpcController,
        BedGrpcController,
      ],
      institutions: RegistryViewInstitutionDirectory,
    },
    eventHandlers: [
      ReferralSubmittedKafkaConsumer,
      ReferralAcceptedKafkaConsumer,
      ReferralCancelledKafkaConsumer,
      ReferralDeclinedKafkaConsumer,
      ReferralExpiredKafkaConsumer,
      InstitutionChangedKafkaConsumer,
      DepartmentRegisteredKafkaConsumer,
      TeamChangedKafkaConsumer,
      ContractChangedKafkaConsumer,
      // A hospital's city (group → grid → city) for the city's reserve floor.
      MedicalGroupChangedKafkaConsumer,
      GridRegisteredKafkaConsumer,
      CityRegisteredKafkaConsumer,
    ],
  }),
);
