import { Module } from '@nestjs/common';
import { DiseaseGroupEdit } from './application/disease-group-edit';
import { GetDiseaseGroupTableUseCase } from './application/get-disease-group-table/get-disease-group-table.use-case';
import { LoadStarterDiseaseGroupTableUseCase } from './application/load-starter-disease-group-table/load-starter-disease-group-table.use-case';
import { PutDiseaseGroupTableUseCase } from './application/put-disease-group-table/put-disease-group-table.use-case';
import { GetReimbursementTableUseCase } from './application/get-reimbursement-table/get-reimbursement-table.use-case';
import { LoadStarterReimbursementTableUseCase } from './application/load-starter-reimbursement-table/load-starter-reimbursement-table.use-case';
import { PutReimbursementTableUseCase } from './application/put-reimbursement-table/put-reimbursement-table.use-case';
import { TableEdit } from './application/table-edit';
import { DiseaseGroupTableRepository } from './domain/disease-group-table.repository';
import { ReimbursementTableRepository } from './domain/reimbursement-table.repository';
import { DiseaseGroupTableTypeormRepository } from './infrastructure/persistence/disease-group-table.typeorm-repository';
import { ReimbursementTableTypeormRepository } from './infrastructure/persistence/reimbursement-table.typeorm-repository';

const USE_CASES = [
  LoadStarterReimbursementTableUseCase,
  PutReimbursementTableUseCase,
  GetReimbursementTableUseCase,
  LoadStarterDiseaseGroupTableUseCase,
  PutDiseaseGroupTableUseCase,
  GetDiseaseGroupTableUseCase,
];

/**
 * The rules context: the regions' versioned reimbursement tables and funds' disease-group points. Claims read a
 * region's table through ReimbursementTableRepository, settlement a fund's points through DiseaseGroupTableRepository
 * (tableOn), both exported.
 */
@Module({
  providers: [
    ...USE_CASES,
    TableEdit,
    DiseaseGroupEdit,
    { provide: ReimbursementTableRepository, useClass: ReimbursementTableTypeormRepository },
    { provide: DiseaseGroupTableRepository, useClass: DiseaseGroupTableTypeormRepository },
  ],
  exports: [...USE_CASES, ReimbursementTableRepository, DiseaseGroupTableRepository],
})
export class RulesModule {}
