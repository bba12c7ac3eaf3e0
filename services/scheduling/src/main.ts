import './instrumentation';
import { runService } from '@medgrid/service';
import { loadSchedulingConfig } from './config/scheduling.config';
import { schedulingDataSource } from './database/scheduling-data-source';
import { HoldsModule } from './holds/holds.module';
import { SchedulingGrpcController } from './holds/interface/grpc/scheduling.grpc.controller';
import { ReferralSubmittedKafkaConsumer } from './holds/interface/kafka/referral-submitted.kafka.consumer';

void runService(
  'scheduling',
  () => loadSchedulingConfig(),
  () => ({
    dataSource: (c) => schedulingDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [HoldsModule],
    grpc: {
      controllers: [SchedulingGrpcController],
    },
    eventHandlers: [ReferralSubmittedKafkaConsumer],
  }),
);
