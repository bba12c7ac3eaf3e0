import { Module } from '@nestjs/common';
import { GroupedInserts, UnitOfWork } from '@medgrid/database';
import { SERVICE_CONFIG } from '@medgrid/service';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PharmacyCommonModule } from '../common/pharmacy-common.module';
import { type PharmacyConfig } from '../config/pharmacy.config';
import { CheckPrescriptionUseCase } from './application/check-prescription/check-prescription.use-case';
import { GetPrescribingStatisticsUseCase } from './application/get-prescribing-statistics/get-prescribing-statistics.use-case';
import { CataloguesInForce } from './application/catalogues-in-force';
import { NewPrescriptionChecks } from './application/new-prescription-checks';
import { PrescribingFactsReader } from './application/prescribing-facts';
import { PrescribingRules } from './application/prescribing-rules';
import { DEFAULT_CHRONIC_DISEASES } from './domain/chronic-disease-list';
import { PrescriptionCheckRecordRepository } from './domain/prescription-check-record.repository';
import { supplyRules } from './domain/supply-rules';
import { PrescribingFactsTypeormRepository } from './infrastructure/persistence/prescribing-facts.typeorm-repository';
import { PrescriptionCheckTypeormRepository } from './infrastructure/persistence/prescription-check.typeorm-repository';

/**
 * The prescribing context: CheckPrescription against the group's catalogue, the level and the days-of-supply rule,
 * every check recorded; GetPrescribingStatistics from the records.
 */
@Module({
  imports: [PharmacyCommonModule, CatalogueModule],
  providers: [
    CheckPrescriptionUseCase,
    GetPrescribingStatisticsUseCase,
    CataloguesInForce,
    PrescriptionCheckTypeormRepository,
    // The checks' records and audit rows, written by group commit (decision 0014).
    {
      provide: GroupedInserts,
      useFactory: (uow: UnitOfWork) => new GroupedInserts(uow, { name: 'prescription-checks' }),
      inject: [UnitOfWork],
    },
    { provide: PrescribingFactsReader, useClass: PrescribingFactsTypeormRepository },
    { provide: NewPrescriptionChecks, useExisting: PrescriptionCheckTypeormRepository },
    { provide: PrescriptionCheckRecordRepository, useExisting: PrescriptionCheckTypeormRepository },
    {
      provide: PrescribingRules,
      useFactory: (config: PharmacyConfig): PrescribingRules =>
        new PrescribingRules(
          supplyRules(config.ORDINARY_SUPPLY_MAX_DAYS, config.LONG_PRESCRIPTION_MAX_DAYS),
          DEFAULT_CHRONIC_DISEASES,
        ),
      inject: [SERVICE_CONFIG],
    },
  ],
  exports: [CheckPrescriptionUseCase, GetPrescribingStatisticsUseCase, PrescribingRules],
})
export class PrescribingModule {}
