import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { v7 as uuidv7 } from 'uuid';
import { SlotHoldRequest } from '../../domain/slot-hold-request';
import { HoldEventPublisher } from '../../domain/hold-event-publisher';
import { SlotHoldRequestRepository } from '../../domain/slot-hold-request.repository';
import { type RequestSlotHoldCommand } from './request-slot-hold.command';

/**
 * The saga's first step (ReferralSubmitted): remember what the hold will need.
 * It runs in the consumer's transaction with its inbox row, so a replay finds
 * the request recorded and records nothing twice.
 */
@Injectable()
export class RequestSlotHoldUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: SlotHoldRequestRepository,
    private readonly events: HoldEventPublisher,
  ) {}

  async execute(command: RequestSlotHoldCommand, now = new Date()): Promise<void> {
    await this.uow.run(async () => {
      const request = SlotHoldRequest.request({ ...command.facts, id: uuidv7() }, now);
      if (await this.requests.insertIfAbsent(request))
        await this.events.slotHoldRequested(request.snapshot());
    });
  }
}
