import { Module } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { CreateReferralUseCase } from './application/create-referral/create-referral.use-case';
import { GetReferralUseCase } from './application/get-referral/get-referral.use-case';
import { REFERRAL_EVENT_PUBLISHER } from './domain/referral-event-publisher';
import { REFERRAL_REPOSITORY } from './domain/referral.repository';
import { ReferralOutboxPublisher } from './infrastructure/messaging/referral-outbox.publisher';
import { ReferralTypeormRepository } from './infrastructure/persistence/referral.typeorm-repository';

/** The referral bounded context: use cases and their adapters. */
@Module({
  providers: [
    AuditTrail,
    CreateReferralUseCase,
    GetReferralUseCase,
    { provide: REFERRAL_REPOSITORY, useClass: ReferralTypeormRepository },
    { provide: REFERRAL_EVENT_PUBLISHER, useClass: ReferralOutboxPublisher },
  ],
  exports: [CreateReferralUseCase, GetReferralUseCase],
})
export class ReferralsModule {}
