import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { UnitOfWork } from '@medgrid/database';
import { LOGGER } from '@medgrid/logging';
import { OutboxWriter } from '@medgrid/messaging';
import { SERVICE_CONFIG } from '@medgrid/service';
import { GetPeriodCapitationUseCase } from './budgets/application/get-period-capitation/get-period-capitation.use-case';
import { REFERRAL_EVENT_CONSUMERS } from './claims/interface/kafka/referral-events.kafka.consumer';
import { SubmitClaimUseCase } from './claims/application/submit-claim/submit-claim.use-case';
import { loadPaymentConfig } from './config/payment.config';
import { PaymentContractChangedKafkaConsumer } from './enrolment/interface/kafka/contract-changed.kafka.consumer';
import { PaymentModule } from './payment.module';
import { PutDiseaseGroupTableUseCase } from './rules/application/put-disease-group-table/put-disease-group-table.use-case';
import { CountedSettlementEvents } from './settlement/application/settlement-metrics';
import { SettlementEventPublisher } from './settlement/domain/settlement-event-publisher';

/** What the platform provides every context (the database, the outbox, the logger, the config), as stand-ins. */
@Global()
@Module({
  providers: [
    { provide: UnitOfWork, useValue: {} },
    { provide: OutboxWriter, useValue: {} },
    { provide: LOGGER, useValue: {} },
    {
      provide: SERVICE_CONFIG,
      useValue: loadPaymentConfig({
        DATABASE_URL: 'postgres://payment:unused@localhost:5432/payment',
        AUTH_PUBLIC_KEY_FILE: '/dev/null',
      }),
    },
  ],
  exports: [UnitOfWork, OutboxWriter, LOGGER, SERVICE_CONFIG],
})
class StandInPlatform {}

/** The service's contexts wire from their own modules, as runService resolves them (a missing import fails the boot). */
describe(PaymentModule.name, () => {
  it('resolves the use cases, the capitation settlement asks for and the event handlers from the contexts', async () => {
    const handlers = [PaymentContractChangedKafkaConsumer, ...REFERRAL_EVENT_CONSUMERS];
    const sut = await Test.createTestingModule({
      imports: [StandInPlatform, PaymentModule],
      providers: handlers,
    }).compile();

    for (const type of [
      SubmitClaimUseCase,
      PutDiseaseGroupTableUseCase,
      GetPeriodCapitationUseCase,
      ...handlers,
    ]) {
      expect(sut.get(type)).toBeInstanceOf(type);
    }
    // A settlement run's announcement is counted (the business metrics) on its way to the outbox.
    expect(sut.get(SettlementEventPublisher)).toBeInstanceOf(CountedSettlementEvents);
    // Each handler got its repository (a subclass without its own constructor would get none).
    for (const handler of REFERRAL_EVENT_CONSUMERS) {
      expect(Object.values(sut.get<object>(handler)).some((v) => v !== undefined)).toBe(true);
    }
  });
});
