import { Module } from '@nestjs/common';
import { GetCoverageUseCase } from './application/get-coverage/get-coverage.use-case';
import { LoadCoverageUseCase } from './application/load-coverage/load-coverage.use-case';
import { FamilyDoctorContractRepository } from './domain/family-doctor-contract.repository';
import { ResidentCoverageRepository } from './domain/resident-coverage.repository';
import { FamilyDoctorContractTypeormRepository } from './infrastructure/persistence/family-doctor-contract.typeorm-repository';
import { ResidentCoverageTypeormRepository } from './infrastructure/persistence/resident-coverage.typeorm-repository';

const USE_CASES = [LoadCoverageUseCase, GetCoverageUseCase];

/**
 * The enrolment context: the residents' coverage from the insurer's rolls and their family-doctor contracts from
 * the registry's. Claims read a resident's coverage through ResidentCoverageRepository and its contracts on a
 * service date through FamilyDoctorContractRepository, budgets who a group manages per disease; both exported.
 */
@Module({
  providers: [
    ...USE_CASES,
    { provide: ResidentCoverageRepository, useClass: ResidentCoverageTypeormRepository },
    { provide: FamilyDoctorContractRepository, useClass: FamilyDoctorContractTypeormRepository },
  ],
  exports: [...USE_CASES, ResidentCoverageRepository, FamilyDoctorContractRepository],
})
export class EnrolmentModule {}
