import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { v7 as uuidv7 } from 'uuid';
import { SlotHoldRequest } from '../../domain/slot-hold-request';
import {
  SLOT_HOLD_EVENT_PUBLISHER,
  SLOT_HOLD_REQUEST_REPOSITORY,
  type SlotHoldEventPublisher,
  type SlotHoldRequestRepository,
} from '../../domain/slot-hold-request.repository';
import { type RequestSlotHoldCommand } from './request-slot-hold.command';

/**
 * Records that a referral needs a slot held and announces it. Runs inside the
 * consumer's transaction (with its inbox row); a referral that already has a
 * request is left as it is, so even a replayed event with a new id has one effect.
 */
@Injectable()
export class RequestSlotHoldUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(SLOT_HOLD_REQUEST_REPOSITORY) private readonly requests: SlotHoldRequestRepository,
    @Inject(SLOT_HOLD_EVENT_PUBLISHER) private readonly events: SlotHoldEventPublisher,
  ) {}

  async execute(command: RequestSlotHoldCommand, now = new Date()): Promise<void> {
    await this.uow.run(async () => {
      const request = SlotHoldRequest.request({
        id: uuidv7(),
        referralId: command.referralId,
        groupId: command.groupId,
        institutionId: command.receivingInstitutionId,
        sourceEventId: command.sourceEventId,
        requestedAt: now,
      });
      if (await this.requests.insertIfAbsent(request)) await this.events.publish(request.pullEvents());
    });
  }
}
