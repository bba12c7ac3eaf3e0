import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { counter } from '@medgrid/telemetry';
import { ScheduleRepository } from '../../../schedules/domain/schedule.repository';
import { SchedulingEvents } from '../../../shared/scheduling-events';
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
    private readonly schedules: ScheduleRepository,
    private readonly seats: SeatKeeper,
    private readonly events: SchedulingEvents,
  ) {}

  async execute(now = new Date(), batch = 100): Promise<number> {
    return this.uow.run(async () => {
      const due = await this.bookings.lockExpiredHolds(now, batch);
      for (const found of due) {
        const booking = Booking.restore(found);
        booking.expire(now);
        await this.bookings.update(booking.snapshot());
        const session = (await this.schedules.findSession(found.sessionId, false))!;
        await this.seats.giveBack(booking, session, now);
        await this.events.bookingsChanged(
          booking.pullEvents(),
          (await this.schedules.viewSession(session.id))!,
        );
      }
      expired.inc(due.length);
      return due.length;
    });
  }
}
