import { Injectable } from '@nestjs/common';
import {
  schedulingEventsV1,
  schedulingModelV1,
  schedulingV1,
  SlotHoldChangedEvent,
} from '@medgrid/contracts';
import { type EventEnvelope, type EventHandler } from '@medgrid/messaging';
import { RecordSlotCommand, type SlotAnswer } from '../../application/record-slot/record-slot.command';
import { RecordSlotUseCase } from '../../application/record-slot/record-slot.use-case';

const { SlotHoldRequestStatus: Status } = schedulingV1;

function poolName(pool: schedulingModelV1.Pool): string {
  return pool === schedulingModelV1.Pool.POOL_RESERVED ? 'reserved' : 'public';
}

function answerOf(request: schedulingV1.SlotHoldRequest): SlotAnswer {
  switch (request.status) {
    case Status.SLOT_HOLD_REQUEST_STATUS_HELD:
      return {
        kind: 'held',
        bookingId: request.bookingId,
        sessionId: request.sessionId,
        pool: poolName(request.pool),
      };
    case Status.SLOT_HOLD_REQUEST_STATUS_WAITLISTED:
      return { kind: 'waitlisted', sessionId: request.sessionId };
    case Status.SLOT_HOLD_REQUEST_STATUS_NO_SESSION:
      return { kind: 'no-session' };
    default:
      return { kind: 'other' };
  }
}

/** Topic medgrid.scheduling.slot-hold.v1, SlotHoldChanged → schedule the referral or note the waitlist. */
@Injectable()
export class SlotHoldChangedKafkaConsumer implements EventHandler<schedulingEventsV1.SlotHoldChanged> {
  readonly contract = SlotHoldChangedEvent;
  constructor(private readonly recordSlot: RecordSlotUseCase) {}

  async handle(payload: schedulingEventsV1.SlotHoldChanged, envelope: EventEnvelope): Promise<void> {
    const request = payload.holdRequest;
    if (!request?.referralId) return;
    const command = RecordSlotCommand.create({ referralId: request.referralId, answer: answerOf(request) });
    await this.recordSlot.execute(command, envelope.occurredAt ?? new Date());
  }
}
