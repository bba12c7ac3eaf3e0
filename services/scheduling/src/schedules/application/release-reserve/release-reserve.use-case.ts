import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { counter } from '@medgrid/telemetry';
import { ScheduleEventPublisher } from '../../domain/schedule-event-publisher';
import { SessionBookings } from '../session-bookings';
import { ScheduleRepository } from '../../domain/schedule.repository';

const released = counter(
  'medgrid_scheduling_reserved_slots_released_total',
  'Reserved slots moved to the public pool because nobody took them by the lead time',
  [],
);

/**
 * Moves reserved slots nobody took by the lead time to the public pool and
 * offers them to the waitlist at once, so capacity sent down is not wasted.
 */
@Injectable()
export class ReleaseReserveUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly sessionBookings: SessionBookings,
    private readonly events: ScheduleEventPublisher,
  ) {}

  async execute(now = new Date(), batch = 50): Promise<number> {
    return this.uow.run(async () => {
      const moved = await this.schedules.releaseDueReserve(now, batch);
      let total = 0;
      for (const { sessionId, released: count } of moved) {
        const session = (await this.schedules.findSession(sessionId, true))!;
        const after = {
          ...session,
          reservedReleased: session.reservedReleased + count,
          version: session.version + 1,
        };
        await this.schedules.saveSession(after, session.version);
        await this.sessionBookings.offerToWaitlist(
          after,
          await this.schedules.freePublicSeats(sessionId),
          now,
        );
        await this.events.sessionChanged(
          'reserve-released',
          (await this.schedules.viewSession(sessionId))!,
          count,
        );
        total += count;
      }
      released.inc(total);
      return total;
    });
  }
}
