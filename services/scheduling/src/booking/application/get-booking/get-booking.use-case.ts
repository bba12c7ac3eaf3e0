import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ScheduleRepository } from '../../../schedules/domain/schedule.repository';
import { type SessionSnapshot } from '../../../schedules/domain/session';
import { canSeeClaim, requireAllowed } from '../../../common/scheduling-access.policy';
import { BookingError, BookingErrorCode } from '../../domain/booking-error';
import { type BookingSnapshot } from '../../domain/booking';
import { BookingRepository } from '../../domain/booking.repository';
import { type GetBookingQuery } from './get-booking.query';

/** GetBooking: the booking with its session, audited before it leaves. */
@Injectable()
export class GetBookingUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly audit: AuditTrail,
  ) {}

  execute(
    identity: Identity,
    query: GetBookingQuery,
  ): Promise<{ booking: BookingSnapshot; session: SessionSnapshot }> {
    return this.uow.run(async () => {
      const booking = await this.bookings.find(query.bookingId, false);
      if (!booking) throw new BookingError(BookingErrorCode.NotFound, 'no booking with this id', 'bookingId');
      requireAllowed(
        canSeeClaim(identity, { ...booking, requestedBy: booking.bookedByInstitutionId }),
        'see this booking',
      );
      await this.audit.recordRead(identity, { kind: 'booking', id: booking.id }, query.purpose);
      return { booking, session: (await this.schedules.findSession(booking.sessionId, false))! };
    });
  }
}
