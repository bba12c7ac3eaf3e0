import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { ScheduleRepository } from '../../../schedules/domain/schedule.repository';
import { requireBookable } from '../../../schedules/domain/session';
import { canClaimAt, requireAllowed } from '../../../common/scheduling-access.policy';
import { BookingError, BookingErrorCode } from '../../domain/booking-error';
import { BookingEventPublisher } from '../../domain/booking-event-publisher';
import { BookingRepository } from '../../domain/booking.repository';
import { mayTakeReserved as mayTakeReservedPool } from '../../domain/pool';
import { WaitlistEntry, type WaitlistEntrySnapshot } from '../../domain/waitlist-entry';
import { ReserveEligibilityCheck } from '../reserve-eligibility';
import { SeatKeeper } from '../seat-keeper';
import { type JoinWaitlistCommand } from './join-waitlist.command';

export interface WaitlistPlace {
  readonly entry: WaitlistEntrySnapshot;
  /** 1 for the next in line. */
  readonly position: number;
}

/**
 * JoinWaitlist: a place in a full session's queue, served by SeatKeeper as
 * seats free up. A retry gets the place its first attempt took.
 */
@Injectable()
export class JoinWaitlistUseCase {
  constructor(
    private readonly requests: ClientRequests,
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly eligibility: ReserveEligibilityCheck,
    private readonly seats: SeatKeeper,
    private readonly events: BookingEventPublisher,
  ) {}

  async execute(identity: Identity, command: JoinWaitlistCommand, now = new Date()): Promise<WaitlistPlace> {
    const { patientResidentId: patient, referralId } = command;
    const request = clientRequestOf('join-waitlist', command, 'claim.clientRequestId');
    const entry = await this.requests.createOnce(request, {
      load: (entryId) => this.bookings.findEntry(entryId, false),
      create: async () => {
        const session = await this.schedules.viewSession(command.sessionId);
        if (!session)
          throw new BookingError(BookingErrorCode.NotFound, 'no session with this id', 'claim.sessionId');
        requireAllowed(
          canClaimAt(identity, { id: session.institutionId, groupId: session.groupId }),
          'book at this hospital',
        );
        requireBookable(session, now);
        const standing = await this.eligibility.standing(identity, session, patient, referralId);
        if (referralId) await this.seats.lockReferralForClaim(referralId, 'claim.referralId');
        const mayTakeReserved = mayTakeReservedPool(standing);
        if (session.freePublic > 0 || (mayTakeReserved && session.freeReserved > 0)) {
          throw new BookingError(
            BookingErrorCode.SessionHasFreeSlots,
            'the session still has free slots for this patient: book one instead',
            'claim.sessionId',
          );
        }
        if (await this.bookings.hasActive(session.id, patient)) {
          throw new BookingError(
            BookingErrorCode.AlreadyBookedInSession,
            'the patient already has a booking in this session',
            'claim.patientResidentId',
          );
        }
        const entry = WaitlistEntry.join(
          {
            id: uuidv7(),
            sessionId: session.id,
            institutionId: session.institutionId,
            groupId: session.groupId,
            patientResidentId: patient,
            referralId,
            requestedByInstitutionId: identity.institutionId ?? session.institutionId,
            mayTakeReserved,
            priority: standing.priority,
          },
          now,
        );
        await this.bookings.insertEntry(entry.snapshot(), command.clientRequestId);
        await this.events.waitlistChanged(entry.pullChanges());
        return { id: entry.snapshot().id, result: entry.snapshot() };
      },
    });
    return this.withPosition(entry);
  }

  /** The entry with its place in the queue, as JoinWaitlist answers it. */
  private async withPosition(entry: WaitlistEntrySnapshot): Promise<WaitlistPlace> {
    return { entry, position: await this.bookings.positionOf(entry) };
  }
}
