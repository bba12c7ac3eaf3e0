import { Module } from '@nestjs/common';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { RulesModule } from '../rules/rules.module';
import { ClaimAdjudicator } from './application/claim-adjudicator';
import { ClaimIntake } from './application/claim-intake';
import { CorrectClaimUseCase } from './application/correct-claim/correct-claim.use-case';
import { GetClaimUseCase } from './application/get-claim/get-claim.use-case';
import { GetFirstContactStatisticsUseCase } from './application/get-first-contact-statistics/get-first-contact-statistics.use-case';
import { SubmitClaimUseCase } from './application/submit-claim/submit-claim.use-case';
import { SubmitClaimsUseCase } from './application/submit-claims/submit-claims.use-case';
import { ClaimEventPublisher } from './domain/claim-event-publisher';
import { ClaimRepository } from './domain/claim.repository';
import { KnownReferralRepository } from './domain/known-referral.repository';
import { ClaimOutboxPublisher } from './infrastructure/messaging/claim-outbox.publisher';
import { ClaimTypeormRepository } from './infrastructure/persistence/claim.typeorm-repository';
import { KnownReferralTypeormRepository } from './infrastructure/persistence/known-referral.typeorm-repository';

const USE_CASES = [
  SubmitClaimUseCase,
  SubmitClaimsUseCase,
  CorrectClaimUseCase,
  GetClaimUseCase,
  GetFirstContactStatisticsUseCase,
];

/**
 * The claims context: institutions' claims, adjudicated at once by the resident's coverage (enrolment) and the
 * region's reimbursement table (rules), the resident's referral (referral's events, kept as known_referral) and
 * contract (enrolment's) verified on the service date, each version announced through the outbox.
 */
@Module({
  imports: [EnrolmentModule, RulesModule],
  providers: [
    ...USE_CASES,
    ClaimIntake,
    ClaimAdjudicator,
    { provide: ClaimRepository, useClass: ClaimTypeormRepository },
    { provide: ClaimEventPublisher, useClass: ClaimOutboxPublisher },
    { provide: KnownReferralRepository, useClass: KnownReferralTypeormRepository },
  ],
  exports: [...USE_CASES, KnownReferralRepository],
})
export class ClaimsModule {}
