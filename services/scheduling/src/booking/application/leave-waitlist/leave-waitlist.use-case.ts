import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { canChangeClaim, requireAllowed } from '../../../common/scheduling-access.policy';
import { BookingError, BookingErrorCode } from '../../domain/booking-error';
import { BookingEventPublisher } from '../../domain/booking-event-publisher';
import { BookingRepository } from '../../domain/booking.repository';
import { WaitlistEntry, type WaitlistEntrySnapshot } from '../../domain/waitlist-entry';
import { type LeaveWaitlistCommand } from './leave-waitlist.command';

/** LeaveWaitlist: the entry is withdrawn; a retry answers it as it is. */
@Injectable()
export class LeaveWaitlistUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingRepository,
    private readonly requests: ClientRequests,
    private readonly events: BookingEventPublisher,
  ) {}

  async execute(
    identity: Identity,
    command: LeaveWaitlistCommand,
    now = new Date(),
  ): Promise<WaitlistEntrySnapshot> {
    return this.uow.run(async () => {
      const found = await this.bookings.findEntry(command.entryId, true);
      if (!found)
        throw new BookingError(BookingErrorCode.NotFound, 'no waitlist entry with this id', 'entryId');
      requireAllowed(
        canChangeClaim(identity, { ...found, requestedBy: found.requestedByInstitutionId }),
        'change this entry',
      );
      if (await this.requests.isRetry(clientRequestOf('leave-waitlist', command), found.id)) return found;
      const entry = WaitlistEntry.restore(found);
      entry.withdraw(now);
      await this.bookings.updateEntry(entry.snapshot(), found.version);
      await this.events.waitlistChanged(entry.pullChanges());
      return entry.snapshot();
    });
  }
}
