import './instrumentation';
import { runService } from '@medgrid/service';
import { loadReferralConfig } from './config/referral.config';
import { referralDataSource } from './database/referral-data-source';
import { ReferralsGrpcController } from './referrals/interface/grpc/referrals.grpc.controller';
import { ReferralsModule } from './referrals/referrals.module';

void runService(
  'referral',
  () => loadReferralConfig(),
  (config) => ({
    dataSource: (c) => referralDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [ReferralsModule],
    grpc: {
      controllers: [ReferralsGrpcController],
    },
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
  }),
);
