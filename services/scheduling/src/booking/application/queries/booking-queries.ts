import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { ScheduleRepository } from '../../../schedules/domain/schedule.repository';
import { type SessionSnapshot } from '../../../schedules/domain/session';
import { canSeeClaim, requireAllowed } from '../../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../../shared/scheduling-error';
import { type BookingSnapshot } from '../../domain/booking';
import { BookingRepository } from '../../domain/booking.repository';
import { type WaitlistEntrySnapshot } from '../../domain/waitlist-entry';

/** GetBooking and GetWaitlistEntry: reads of patient data, audited before they leave. */
@Injectable()
export class BookingQueries {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly audit: AuditTrail,
  ) {}

  booking(
    identity: Identity,
    bookingId: string,
    purpose = 'booking look-up',
  ): Promise<{ booking: BookingSnapshot; session: SessionSnapshot }> {
    new FieldChecks().uuid('bookingId', bookingId).throwIfAny();
    return this.uow.run(async () => {
      const booking = await this.bookings.find(bookingId.toLowerCase(), false);
      if (!booking)
        throw new SchedulingError(SchedulingErrorCode.NotFound, 'no booking with this id', 'bookingId');
      requireAllowed(
        canSeeClaim(identity, { ...booking, requestedBy: booking.bookedByInstitutionId }),
        'see this booking',
      );
      await this.audit.recordRead(identity, { kind: 'booking', id: booking.id }, purpose);
      return { booking, session: (await this.schedules.findSession(booking.sessionId, false))! };
    });
  }

  entry(
    identity: Identity,
    entryId: string,
    purpose = 'waitlist look-up',
  ): Promise<{ entry: WaitlistEntrySnapshot; position: number }> {
    new FieldChecks().uuid('entryId', entryId).throwIfAny();
    return this.uow.run(async () => {
      const entry = await this.bookings.findEntry(entryId.toLowerCase(), false);
      if (!entry)
        throw new SchedulingError(SchedulingErrorCode.NotFound, 'no waitlist entry with this id', 'entryId');
      requireAllowed(
        canSeeClaim(identity, { ...entry, requestedBy: entry.requestedByInstitutionId }),
        'see this entry',
      );
      await this.audit.recordRead(identity, { kind: 'waitlist-entry', id: entry.id }, purpose);
      return { entry, position: await this.bookings.positionOf(entry) };
    });
  }
}
