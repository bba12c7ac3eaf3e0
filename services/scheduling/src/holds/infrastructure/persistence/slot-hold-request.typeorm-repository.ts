import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { SlotHoldRequest, type SlotHoldRequestStatus } from '../../domain/slot-hold-request';
import { type SlotHoldRequestRepository } from '../../domain/slot-hold-request.repository';
import { SlotHoldRequestOrmEntity } from './slot-hold-request.orm-entity';

@Injectable()
export class SlotHoldRequestTypeormRepository implements SlotHoldRequestRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insertIfAbsent(request: SlotHoldRequest): Promise<boolean> {
    const result = await this.uow
      .manager()
      .createQueryBuilder()
      .insert()
      .into(SlotHoldRequestOrmEntity)
      .values(Object.assign(new SlotHoldRequestOrmEntity(), request.snapshot()))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async findByReferral(referralId: string): Promise<SlotHoldRequest | null> {
    const row = await this.uow.manager().findOneBy(SlotHoldRequestOrmEntity, { referralId });
    return row ? SlotHoldRequest.restore({ ...row, status: row.status as SlotHoldRequestStatus }) : null;
  }
}
