import { Module } from '@nestjs/common';
import { ClientRequests } from '@medgrid/idempotency';
import { ListCriteriaUseCase } from './application/list-criteria/list-criteria.use-case';
import { LookupCriteriaUseCase } from './application/lookup-criteria/lookup-criteria.use-case';
import { PutCriteriaUseCase } from './application/put-criteria/put-criteria.use-case';
import { RemoveCriteriaUseCase } from './application/remove-criteria/remove-criteria.use-case';
import { StoredCatalogue } from './application/stored-catalogue';
import { CriteriaRepository } from './domain/criteria.repository';
import { CriteriaTypeormRepository } from './infrastructure/persistence/criteria.typeorm-repository';

const USE_CASES = [ListCriteriaUseCase, LookupCriteriaUseCase, PutCriteriaUseCase, RemoveCriteriaUseCase];

/** The criteria context: the referral criteria catalogue (双向转诊病种目录) and its edits. */
@Module({
  providers: [
    ...USE_CASES,
    StoredCatalogue,
    ClientRequests,
    { provide: CriteriaRepository, useClass: CriteriaTypeormRepository },
  ],
  // The referrals context judges every referral against the catalogue in force.
  exports: [...USE_CASES, StoredCatalogue],
})
export class CriteriaModule {}
