import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@medgrid/service';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PharmacyCommonModule } from '../common/pharmacy-common.module';
import { type PharmacyConfig } from '../config/pharmacy.config';
import { CheckPrescriptionUseCase } from './application/check-prescription/check-prescription.use-case';
import { PrescribingRules } from './application/prescribing-rules';
import { DEFAULT_CHRONIC_DISEASES } from './domain/chronic-disease-list';
import { supplyRules } from './domain/supply-rules';

/** The prescribing context: CheckPrescription against the group's catalogue, the level and the days-of-supply rule. */
@Module({
  imports: [PharmacyCommonModule, CatalogueModule],
  providers: [
    CheckPrescriptionUseCase,
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
  exports: [CheckPrescriptionUseCase, PrescribingRules],
})
export class PrescribingModule {}
