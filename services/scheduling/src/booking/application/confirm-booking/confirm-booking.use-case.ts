import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type BookingSnapshot } from '../../domain/booking';
import { BookingStep } from '../booking-step';
import { type ConfirmBookingCommand } from './confirm-booking.command';

/** ConfirmBooking: the patient's held slot becomes theirs (a hold that ran out cannot be confirmed). */
@Injectable()
export class ConfirmBookingUseCase {
  constructor(private readonly step: BookingStep) {}

  execute(identity: Identity, command: ConfirmBookingCommand, now = new Date()): Promise<BookingSnapshot> {
    return this.step.run(identity, 'confirm-booking', command, now, (booking) => {
      booking.confirm(now);
    });
  }
}
