import { Injectable } from '@nestjs/common';
import { migrationStatus, UnitOfWork } from '@medgrid/database';
import { SchemaStateRepository } from '../../domain/schema-state.repository';
import { type SchemaState } from '../../domain/service-info';

/** The migrations table TypeORM keeps (schema_migrations) against the migrations the data source lists. */
@Injectable()
export class SchemaStateTypeormRepository extends SchemaStateRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  read(): Promise<SchemaState> {
    return migrationStatus(this.uow.dataSource);
  }
}
