import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { canSeeClaim, requireAllowed } from '../../../common/scheduling-access.policy';
import { BookingError, BookingErrorCode } from '../../domain/booking-error';
import { BookingRepository } from '../../domain/booking.repository';
import { type WaitlistPlace } from '../join-waitlist/join-waitlist.use-case';
import { type GetWaitlistEntryQuery } from './get-waitlist-entry.query';

/** GetWaitlistEntry: the entry with its place in the queue, audited before it leaves. */
@Injectable()
export class GetWaitlistEntryUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingRepository,
    private readonly audit: AuditTrail,
  ) {}

  execute(identity: Identity, query: GetWaitlistEntryQuery): Promise<WaitlistPlace> {
    return this.uow.run(async () => {
      const entry = await this.bookings.findEntry(query.entryId, false);
      if (!entry)
        throw new BookingError(BookingErrorCode.NotFound, 'no waitlist entry with this id', 'entryId');
      requireAllowed(
        canSeeClaim(identity, { ...entry, requestedBy: entry.requestedByInstitutionId }),
        'see this entry',
      );
      await this.audit.recordRead(identity, { kind: 'waitlist-entry', id: entry.id }, query.purpose);
      return { entry, position: await this.bookings.positionOf(entry) };
    });
  }
}
