import { Injectable } from '@nestjs/common';
import { type DiseaseGroupTable } from '../../domain/disease-group-points';
import { DiseaseGroupTableRepository } from '../../domain/disease-group-table.repository';
import { type GetDiseaseGroupTableQuery } from './get-disease-group-table.query';

/** GetDiseaseGroupTable: a published policy, answered to any caller. */
@Injectable()
export class GetDiseaseGroupTableUseCase {
  constructor(private readonly tables: DiseaseGroupTableRepository) {}

  execute(query: GetDiseaseGroupTableQuery): Promise<DiseaseGroupTable> {
    return this.tables.tableOn(query.regionId, query.on);
  }
}
