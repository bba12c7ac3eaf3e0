import { Module } from '@nestjs/common';
import { PharmacyCommonModule } from '../common/pharmacy-common.module';
import { CatalogueEdit } from './application/catalogue-edit';
import { GetCatalogueUseCase } from './application/get-catalogue/get-catalogue.use-case';
import { GetDrugUseCase } from './application/get-drug/get-drug.use-case';
import { LoadCatalogueCsvUseCase } from './application/load-catalogue-csv/load-catalogue-csv.use-case';
import { LoadStarterCatalogueUseCase } from './application/load-starter-catalogue/load-starter-catalogue.use-case';
import { PutDrugUseCase } from './application/put-drug/put-drug.use-case';
import { SearchDrugsUseCase } from './application/search-drugs/search-drugs.use-case';
import { WithdrawDrugUseCase } from './application/withdraw-drug/withdraw-drug.use-case';
import { CatalogueEventPublisher } from './domain/catalogue-event-publisher';
import { DrugCatalogueRepository } from './domain/drug-catalogue.repository';
import { CatalogueOutboxPublisher } from './infrastructure/messaging/catalogue-outbox.publisher';
import { DrugCatalogueTypeormRepository } from './infrastructure/persistence/drug-catalogue.typeorm-repository';

const USE_CASES = [
  LoadCatalogueCsvUseCase,
  LoadStarterCatalogueUseCase,
  PutDrugUseCase,
  WithdrawDrugUseCase,
  GetCatalogueUseCase,
  GetDrugUseCase,
  SearchDrugsUseCase,
];

/**
 * The catalogue context: each group's drug catalogue, versioned by effective dates. The formulary and prescribing
 * read it through its repository, exported.
 */
@Module({
  imports: [PharmacyCommonModule],
  providers: [
    ...USE_CASES,
    CatalogueEdit,
    { provide: DrugCatalogueRepository, useClass: DrugCatalogueTypeormRepository },
    { provide: CatalogueEventPublisher, useClass: CatalogueOutboxPublisher },
  ],
  exports: [...USE_CASES, DrugCatalogueRepository],
})
export class CatalogueModule {}
