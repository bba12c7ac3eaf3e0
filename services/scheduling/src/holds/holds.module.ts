import { Module } from '@nestjs/common';
import { GetSlotHoldRequestUseCase } from './application/get-slot-hold-request/get-slot-hold-request.use-case';
import { RequestSlotHoldUseCase } from './application/request-slot-hold/request-slot-hold.use-case';
import {
  SLOT_HOLD_EVENT_PUBLISHER,
  SLOT_HOLD_REQUEST_REPOSITORY,
} from './domain/slot-hold-request.repository';
import { SlotHoldOutboxPublisher } from './infrastructure/messaging/slot-hold-outbox.publisher';
import { SlotHoldRequestTypeormRepository } from './infrastructure/persistence/slot-hold-request.typeorm-repository';

/** Slot holds requested by referrals (the scheduling side of the referral saga). */
@Module({
  providers: [
    RequestSlotHoldUseCase,
    GetSlotHoldRequestUseCase,
    { provide: SLOT_HOLD_REQUEST_REPOSITORY, useClass: SlotHoldRequestTypeormRepository },
    { provide: SLOT_HOLD_EVENT_PUBLISHER, useClass: SlotHoldOutboxPublisher },
  ],
  exports: [RequestSlotHoldUseCase, GetSlotHoldRequestUseCase],
})
export class HoldsModule {}
