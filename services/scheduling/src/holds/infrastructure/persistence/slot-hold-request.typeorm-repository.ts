import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type EntityManager } from 'typeorm';
import { HoldError, HoldErrorCode } from '../../domain/hold-error';
import { SlotHoldRequest } from '../../domain/slot-hold-request';
import { SlotHoldRequestRepository } from '../../domain/slot-hold-request.repository';
import { slotHoldRequestFromEntity, slotHoldRequestToEntity } from './slot-hold-request.mapper';
import { SlotHoldRequestOrmEntity } from './slot-hold-request.orm-entity';

/** slot_hold_request, the saga's state; joins the current UnitOfWork transaction. */
@Injectable()
export class SlotHoldRequestTypeormRepository extends SlotHoldRequestRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async insertIfAbsent(request: SlotHoldRequest): Promise<boolean> {
    // ON CONFLICT (referral_id) DO NOTHING: a replayed or racing message of the same referral
    // finds the request there and inserts nothing, without aborting the transaction.
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(SlotHoldRequestOrmEntity)
      .values(slotHoldRequestToEntity(request.snapshot()))
      .orUpdate([], ['referral_id'])
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async findByReferral(referralId: string, lock: boolean): Promise<SlotHoldRequest | null> {
    const row = await this.db.findOne(SlotHoldRequestOrmEntity, {
      where: { referralId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? SlotHoldRequest.restore(slotHoldRequestFromEntity(row)) : null;
  }

  async update(request: SlotHoldRequest, readVersion: number): Promise<void> {
    const { id, ...row } = slotHoldRequestToEntity(request.snapshot());
    const { affected } = await this.db.update(SlotHoldRequestOrmEntity, { id, version: readVersion }, row);
    if (affected !== 1) {
      throw new HoldError(
        HoldErrorCode.VersionConflict,
        `the slot hold request ${id} changed since it was read at version ${readVersion}; read it again`,
      );
    }
  }

  async knownReferral(referralId: string) {
    const row = await this.db.findOne(SlotHoldRequestOrmEntity, {
      select: {
        status: true,
        institutionId: true,
        patientResidentId: true,
        priorityContracted: true,
        priorityGreenChannel: true,
      },
      where: { referralId },
    });
    return row
      ? {
          released: row.status === 'released',
          institutionId: row.institutionId,
          patientResidentId: row.patientResidentId,
          contractedPriority: row.priorityContracted,
          greenChannel: row.priorityGreenChannel,
        }
      : null;
  }
}
