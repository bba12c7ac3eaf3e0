import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { ResidentsModule } from '../residents/residents.module';
import { WorkforceModule } from '../workforce/workforce.module';
import { ImportCsvUseCase } from './application/import-csv/import-csv.use-case';
import { CsvImportRepository } from './domain/csv-import.repository';
import { CsvImportTypeormRepository } from './infrastructure/persistence/csv-import.typeorm-repository';

/** Bulk CSV imports of master data, all or nothing. */
@Module({
  imports: [OrganisationModule, WorkforceModule, ResidentsModule],
  providers: [ImportCsvUseCase, { provide: CsvImportRepository, useClass: CsvImportTypeormRepository }],
  exports: [ImportCsvUseCase],
})
export class ImportsModule {}
