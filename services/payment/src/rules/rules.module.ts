import { Module } from '@nestjs/common';
import { GetReimbursementTableUseCase } from './application/get-reimbursement-table/get-reimbursement-table.use-case';
import { LoadStarterReimbursementTableUseCase } from './application/load-starter-reimbursement-table/load-starter-reimbursement-table.use-case';
import { PutReimbursementTableUseCase } from './application/put-reimbursement-table/put-reimbursement-table.use-case';
import { TableEdit } from './application/table-edit';
import { ReimbursementTableRepository } from './domain/reimbursement-table.repository';
import { ReimbursementTableTypeormRepository } from './infrastructure/persistence/reimbursement-table.typeorm-repository';

const USE_CASES = [
  LoadStarterReimbursementTableUseCase,
  PutReimbursementTableUseCase,
  GetReimbursementTableUseCase,
];

/**
 * The rules context: the regions' versioned reimbursement tables. Claims read a region's table through
 * ReimbursementTableRepository, exported.
 */
@Module({
  providers: [
    ...USE_CASES,
    TableEdit,
    { provide: ReimbursementTableRepository, useClass: ReimbursementTableTypeormRepository },
  ],
  exports: [...USE_CASES, ReimbursementTableRepository],
})
export class RulesModule {}
