import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type BookingSnapshot } from '../../domain/booking';
import { BookingStep } from '../booking-step';
import { type CancelBookingCommand } from './cancel-booking.command';

/** CancelBooking: the slot goes back to its pool, or straight to the next on the session's waitlist. */
@Injectable()
export class CancelBookingUseCase {
  constructor(private readonly step: BookingStep) {}

  execute(identity: Identity, command: CancelBookingCommand, now = new Date()): Promise<BookingSnapshot> {
    return this.step.run(identity, 'cancel-booking', command, now, (booking) => {
      booking.cancel(command.reason, now);
    });
  }
}
