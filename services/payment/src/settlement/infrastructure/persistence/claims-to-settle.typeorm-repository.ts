import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { ClaimVersionOrmEntity } from '../../../claims/infrastructure/persistence/claim-version.orm-entity';
import {
  adjudicationFromStored,
  submissionFromStored,
} from '../../../claims/infrastructure/persistence/claim.mapper';
import { type SettlementPeriod } from '../../../common/domain/effective-period';
import { ClaimsToSettle, type ClaimToSettle } from '../../domain/claims-to-settle';

/** The group's claims of the period by their version in force, read from claim and claim_version. */
@Injectable()
export class ClaimsToSettleTypeormRepository extends ClaimsToSettle {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async inForce(groupId: string, period: SettlementPeriod): Promise<readonly ClaimToSettle[]> {
    const rows = await this.uow
      .manager()
      .createQueryBuilder(ClaimVersionOrmEntity, 'v')
      .innerJoin('claim', 'c', 'c.id = v.claim_id AND c.current_version = v.version')
      .where('c.group_id = :groupId', { groupId })
      .andWhere('v.service_date >= :from AND v.service_date < :until', period)
      .orderBy('v.claim_id')
      .getMany();
    return rows.map((v) => ({
      claimId: v.claimId,
      version: {
        version: v.version,
        submission: submissionFromStored(v.submission),
        receivedAt: v.receivedAt,
        correctionReason: v.correctionReason,
      },
      adjudication: adjudicationFromStored(v.adjudication),
    }));
  }
}
