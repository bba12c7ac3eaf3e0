import { Module } from '@nestjs/common';
import { GetCoverageUseCase } from './application/get-coverage/get-coverage.use-case';
import { LoadCoverageUseCase } from './application/load-coverage/load-coverage.use-case';
import { ResidentCoverageRepository } from './domain/resident-coverage.repository';
import { ResidentCoverageTypeormRepository } from './infrastructure/persistence/resident-coverage.typeorm-repository';

const USE_CASES = [LoadCoverageUseCase, GetCoverageUseCase];

/**
 * The enrolment context: the residents' coverage from the insurer's rolls. Claims read a resident's coverage
 * through ResidentCoverageRepository, exported.
 */
@Module({
  providers: [
    ...USE_CASES,
    { provide: ResidentCoverageRepository, useClass: ResidentCoverageTypeormRepository },
  ],
  exports: [...USE_CASES, ResidentCoverageRepository],
})
export class EnrolmentModule {}
