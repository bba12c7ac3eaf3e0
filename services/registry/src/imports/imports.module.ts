import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { ResidentsModule } from '../residents/residents.module';
import { WorkforceModule } from '../workforce/workforce.module';
import { ImportCsvUseCase } from './application/import-csv/import-csv.use-case';

/** Bulk CSV imports of master data, all or nothing. */
@Module({
  imports: [OrganisationModule, WorkforceModule, ResidentsModule],
  providers: [ImportCsvUseCase],
  exports: [ImportCsvUseCase],
})
export class ImportsModule {}
