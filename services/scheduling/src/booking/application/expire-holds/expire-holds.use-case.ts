import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { counter } from '@medgrid/telemetry';
import { Booking } from '../../domain/booking';
import { BookingRepository } from '../../domain/booking.repository';
import { SeatKeeper } from '../seat-keeper';

const expired = counter(
  'medgrid_scheduling_holds_expired_total',
  'Holds that ran out and returned their slot',
  [],
);

/**
 * Returns the slots of holds that ran out, a batch per transaction. SKIP
 * LOCKED lets several replicas sweep at once without taking the same hold.
 */
@Injectable()
export class ExpireHoldsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingRepository,
    private readonly seats: SeatKeeper,
  ) {}

  async execute(now = new Date(), batch = 100): Promise<number> {
    return this.uow.run(async () => {
      const due = await this.bookings.lockExpiredHolds(now, batch);
      for (const found of due) {
        const booking = Booking.restore(found);
        booking.expire(now);
        await this.seats.finish(booking, now);
      }
      expired.inc(due.length);
      return due.length;
    });
  }
}
