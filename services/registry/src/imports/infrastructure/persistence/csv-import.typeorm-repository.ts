import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type CsvImport } from '../../domain/csv-import';
import { CsvImportRepository } from '../../domain/csv-import.repository';
import { csvImportFromEntity, csvImportToEntity } from './csv-import.mapper';
import { CsvImportOrmEntity } from './csv-import.orm-entity';

/** Committed CSV imports in PostgreSQL; every method joins the current UnitOfWork transaction. */
@Injectable()
export class CsvImportTypeormRepository extends CsvImportRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async insert(csvImport: CsvImport): Promise<void> {
    await this.uow.manager().insert(CsvImportOrmEntity, csvImportToEntity(csvImport));
  }

  async findById(id: string): Promise<CsvImport | null> {
    const entity = await this.uow.manager().findOneBy(CsvImportOrmEntity, { id });
    return entity ? csvImportFromEntity(entity) : null;
  }
}
