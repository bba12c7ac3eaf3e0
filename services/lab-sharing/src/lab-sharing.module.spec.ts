import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { UnitOfWork } from '@medgrid/database';
import { LOGGER } from '@medgrid/logging';
import { OutboxWriter } from '@medgrid/messaging';
import { SERVICE_CONFIG } from '@medgrid/service';
import { loadLabSharingConfig } from './config/lab-sharing.config';
import { LabSharingModule } from './lab-sharing.module';
import { OrderReporting } from './orders/application/order-reporting';
import { PlaceOrderUseCase } from './orders/application/place-order/place-order.use-case';
import { LookUpResultsUseCase } from './recognition/application/look-up-results/look-up-results.use-case';
import { RecognisableResults } from './recognition/application/recognisable-results';
import { ReportsOfOrders } from './reporting/application/reports-of-orders';
import { SignReportUseCase } from './reporting/application/sign-report/sign-report.use-case';
import { SignedResults } from './reporting/domain/signed-results';
import { GetResultFhirUseCase } from './results/application/get-result-fhir/get-result-fhir.use-case';
import { RecordResultUseCase } from './results/application/record-result/record-result.use-case';
import { RecordedRecognisableResults } from './results/application/recorded-recognisable-results';
import { RegistrySignedResults } from './results/application/registry-signed-results';

/** What the platform provides every context (the database, the outbox, the logger, the config), as stand-ins. */
@Global()
@Module({
  providers: [
    { provide: UnitOfWork, useValue: {} },
    { provide: OutboxWriter, useValue: {} },
    { provide: LOGGER, useValue: {} },
    {
      provide: SERVICE_CONFIG,
      useValue: loadLabSharingConfig({
        DATABASE_URL: 'postgres://lab_sharing:unused@localhost:5432/lab_sharing',
        AUTH_PUBLIC_KEY_FILE: '/dev/null',
      }),
    },
  ],
  exports: [UnitOfWork, OutboxWriter, LOGGER, SERVICE_CONFIG],
})
class StandInPlatform {}

describe(LabSharingModule.name, () => {
  it('wires every context from its own module, with the ports the result registry implements', async () => {
    const sut = await Test.createTestingModule({ imports: [StandInPlatform, LabSharingModule] }).compile();

    for (const useCase of [LookUpResultsUseCase, RecordResultUseCase, GetResultFhirUseCase]) {
      expect(sut.get(useCase)).toBeInstanceOf(useCase);
    }
    expect(sut.get(RecognisableResults)).toBe(sut.get(RecordedRecognisableResults));
    expect(sut.get(SignedResults)).toBe(sut.get(RegistrySignedResults));
  });

  it('wires orders and reporting, with the port orders owns bound to reporting', async () => {
    const sut = await Test.createTestingModule({ imports: [StandInPlatform, LabSharingModule] }).compile();

    for (const useCase of [PlaceOrderUseCase, SignReportUseCase]) {
      expect(sut.get(useCase)).toBeInstanceOf(useCase);
    }
    expect(sut.get(OrderReporting)).toBe(sut.get(ReportsOfOrders));
  });
});
