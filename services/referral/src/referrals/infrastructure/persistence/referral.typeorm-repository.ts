import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { type Referral } from '../../domain/referral';
import { type ReferralRepository } from '../../domain/referral.repository';
import { ReferralMapper } from './referral.mapper';
import { ReferralOrmEntity } from './referral.orm-entity';

/** The referral aggregate in PostgreSQL; joins the current UnitOfWork transaction. */
@Injectable()
export class ReferralTypeormRepository implements ReferralRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(referral: Referral): Promise<void> {
    await this.uow.manager().insert(ReferralOrmEntity, ReferralMapper.toRow(referral));
  }

  async findById(id: string): Promise<Referral | null> {
    const row = await this.uow.manager().findOneBy(ReferralOrmEntity, { id });
    return row ? ReferralMapper.toDomain(row) : null;
  }

  async findByClientRequest(
    referringInstitutionId: string,
    clientRequestId: string,
  ): Promise<Referral | null> {
    // A retry racing its first attempt waits here, then finds the referral the first one made.
    await lockForTransaction(
      this.uow.transactionalManager(),
      `create-referral:${referringInstitutionId}:${clientRequestId}`,
    );
    const row = await this.uow
      .manager()
      .findOneBy(ReferralOrmEntity, { referringInstitutionId, clientRequestId });
    return row ? ReferralMapper.toDomain(row) : null;
  }
}
