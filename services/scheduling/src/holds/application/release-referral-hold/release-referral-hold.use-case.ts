import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { SeatKeeper } from '../../../booking/application/seat-keeper';
import { Booking } from '../../../booking/domain/booking';
import { BookingRepository } from '../../../booking/domain/booking.repository';
import { HoldEventPublisher } from '../../domain/hold-event-publisher';
import { SlotHoldRequestRepository } from '../../domain/slot-hold-request.repository';
import { type ReleaseReferralHoldCommand } from './release-referral-hold.command';

/**
 * The saga's last step for a referral that ends without its visit (cancelled,
 * expired or declined): its hold is released, the slot it holds goes back and
 * it leaves every waitlist, in the consumer's transaction with its inbox row,
 * so a cancelled referral never keeps a slot.
 */
@Injectable()
export class ReleaseReferralHoldUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: SlotHoldRequestRepository,
    private readonly bookings: BookingRepository,
    private readonly seats: SeatKeeper,
    private readonly events: HoldEventPublisher,
  ) {}

  async execute(command: ReleaseReferralHoldCommand, now = new Date()): Promise<void> {
    const { referralId } = command;
    await this.uow.run(async () => {
      const request = await this.requests.findByReferral(referralId, true);
      if (!request) return;
      // Released first, so giving the slot back below finds the hold already ended (one event).
      request.released(now);
      if (request.takeChanged()) {
        await this.requests.update(request, request.readVersion);
        await this.events.slotHoldChanged(request.snapshot(), null, null);
      }
      const found = await this.bookings.lockActiveForReferral(referralId);
      if (found) {
        const booking = Booking.restore(found);
        booking.cancel(command.reason, now);
        await this.seats.finish(booking, now);
      }
      await this.seats.withdrawReferralWaiting(referralId, now);
    });
  }
}
