import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PharmacyCommonModule } from '../common/pharmacy-common.module';
import { FormularyStep } from './application/formulary-step';
import { GetFormularyUseCase } from './application/get-formulary/get-formulary.use-case';
import { RecordStockMovementUseCase } from './application/record-stock-movement/record-stock-movement.use-case';
import { StockDrugUseCase } from './application/stock-drug/stock-drug.use-case';
import { UnstockDrugUseCase } from './application/unstock-drug/unstock-drug.use-case';
import { FormularyEventPublisher } from './domain/formulary-event-publisher';
import { FormularyRepository } from './domain/formulary.repository';
import { FormularyOutboxPublisher } from './infrastructure/messaging/formulary-outbox.publisher';
import { FormularyTypeormRepository } from './infrastructure/persistence/formulary.typeorm-repository';

const USE_CASES = [StockDrugUseCase, UnstockDrugUseCase, RecordStockMovementUseCase, GetFormularyUseCase];

/** The formulary context: which catalogue drugs each institution stocks, and its stock on hand. */
@Module({
  imports: [PharmacyCommonModule, CatalogueModule],
  providers: [
    ...USE_CASES,
    FormularyStep,
    { provide: FormularyRepository, useClass: FormularyTypeormRepository },
    { provide: FormularyEventPublisher, useClass: FormularyOutboxPublisher },
  ],
  exports: [...USE_CASES, FormularyRepository, FormularyEventPublisher],
})
export class FormularyModule {}
