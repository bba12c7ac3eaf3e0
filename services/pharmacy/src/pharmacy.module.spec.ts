import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { UnitOfWork } from '@medgrid/database';
import { LOGGER } from '@medgrid/logging';
import { OutboxWriter } from '@medgrid/messaging';
import { SERVICE_CONFIG } from '@medgrid/service';
import { LoadStarterCatalogueUseCase } from './catalogue/application/load-starter-catalogue/load-starter-catalogue.use-case';
import { loadPharmacyConfig } from './config/pharmacy.config';
import { AssessContinuityUseCase } from './continuity/application/assess-continuity/assess-continuity.use-case';
import { GetContinuityAssessmentUseCase } from './continuity/application/get-continuity-assessment/get-continuity-assessment.use-case';
import { RecordStockMovementUseCase } from './formulary/application/record-stock-movement/record-stock-movement.use-case';
import { PharmacyModule } from './pharmacy.module';
import { CheckPrescriptionUseCase } from './prescribing/application/check-prescription/check-prescription.use-case';
import { PrescribingRules } from './prescribing/application/prescribing-rules';
import { DistributePurchaseOrderUseCase } from './purchasing/application/distribute-purchase-order/distribute-purchase-order.use-case';

/** What the platform provides every context (the database, the outbox, the logger, the config), as stand-ins. */
@Global()
@Module({
  providers: [
    { provide: UnitOfWork, useValue: {} },
    { provide: OutboxWriter, useValue: {} },
    { provide: LOGGER, useValue: {} },
    {
      provide: SERVICE_CONFIG,
      useValue: loadPharmacyConfig({
        DATABASE_URL: 'postgres://pharmacy:unused@localhost:5432/pharmacy',
        AUTH_PUBLIC_KEY_FILE: '/dev/null',
        ORDINARY_SUPPLY_MAX_DAYS: '28',
        LONG_PRESCRIPTION_MAX_DAYS: '90',
      }),
    },
  ],
  exports: [UnitOfWork, OutboxWriter, LOGGER, SERVICE_CONFIG],
})
class StandInPlatform {}

describe(PharmacyModule.name, () => {
  it('wires the catalogue, the formulary and prescribing from their own modules', async () => {
    const sut = await Test.createTestingModule({ imports: [StandInPlatform, PharmacyModule] }).compile();

    for (const useCase of [
      LoadStarterCatalogueUseCase,
      RecordStockMovementUseCase,
      CheckPrescriptionUseCase,
      DistributePurchaseOrderUseCase,
      AssessContinuityUseCase,
      GetContinuityAssessmentUseCase,
    ]) {
      expect(sut.get(useCase)).toBeInstanceOf(useCase);
    }
  });

  it("checks prescriptions by the deployment's days of supply", async () => {
    const sut = await Test.createTestingModule({ imports: [StandInPlatform, PharmacyModule] }).compile();

    expect(sut.get(PrescribingRules).supply).toEqual({ ordinaryMaxDays: 28, longMaxDays: 90 });
  });
});
