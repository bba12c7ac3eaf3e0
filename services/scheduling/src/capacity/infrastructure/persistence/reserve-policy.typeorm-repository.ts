import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type ReservePolicySnapshot } from '../../domain/reserve-policy';
import { ReservePolicyRepository } from '../../domain/reserve-policy.repository';
import { reservePolicyFromEntity, reservePolicyToEntity } from './reserve-policy.mapper';
import { ReservePolicyOrmEntity } from './reserve-policy.orm-entity';

/** reserve_policy, one row per hospital that set its own; joins the current UnitOfWork transaction. */
@Injectable()
export class ReservePolicyTypeormRepository extends ReservePolicyRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async findPolicy(institutionId: string, lock: boolean): Promise<ReservePolicySnapshot | null> {
    const row = await this.uow.manager().findOne(ReservePolicyOrmEntity, {
      where: { institutionId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? reservePolicyFromEntity(row) : null;
  }

  async savePolicy(policy: ReservePolicySnapshot): Promise<void> {
    await this.uow.manager().upsert(ReservePolicyOrmEntity, reservePolicyToEntity(policy), ['institutionId']);
  }
}
