import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { addDays, localDate } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { SeatKeeper } from '../../../booking/application/seat-keeper';
import { type BookingSnapshot } from '../../../booking/domain/booking';
import { BookingEventPublisher } from '../../../booking/domain/booking-event-publisher';
import { BookingRepository } from '../../../booking/domain/booking.repository';
import { priorityFor, type Pool } from '../../../booking/domain/pool';
import { WaitlistEntry } from '../../../booking/domain/waitlist-entry';
import { ScheduleRepository } from '../../../schedules/domain/schedule.repository';
import { type SessionView } from '../../../schedules/domain/session';
import { HoldEventPublisher } from '../../domain/hold-event-publisher';
import { SlotHoldRequest } from '../../domain/slot-hold-request';
import { SlotHoldRequestRepository } from '../../domain/slot-hold-request.repository';
import { HoldRulesProvider } from '../hold-rules';
import { type HoldSlotForReferralCommand } from './hold-slot-for-referral.command';

/**
 * The saga's step for an accepted referral (ReferralAccepted): the slot the
 * referral already holds (booked by the referrer before acceptance), else the
 * reserved pool first, then public, then the waitlist of the earliest session.
 * It runs in the consumer's transaction with its inbox row, so a crash replays
 * the step and a replay finds it done: a referral never holds two slots.
 */
@Injectable()
export class HoldSlotForReferralUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: SlotHoldRequestRepository,
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly seats: SeatKeeper,
    private readonly bookingEvents: BookingEventPublisher,
    private readonly events: HoldEventPublisher,
    private readonly rulesProvider: HoldRulesProvider,
  ) {}

  async execute(command: HoldSlotForReferralCommand, now = new Date()): Promise<void> {
    const { facts } = command;
    await this.uow.run(async () => {
      await this.requests.insertIfAbsent(SlotHoldRequest.request({ ...facts, id: uuidv7() }, now));
      const request = (await this.requests.findByReferral(facts.referralId, true))!;
      if (!request.awaitingSlot) return;
      const live = await this.bookings.lockActiveForReferral(facts.referralId);
      if (live) return this.hold(request, live, now);
      const r = request.snapshot();
      const candidates = await this.schedules.searchAvailability({
        institutionId: r.institutionId,
        departmentId: r.departmentId,
        practitionerId: '',
        specialtyCode: r.departmentId ? '' : r.specialtyCode,
        fromDate: localDate(now),
        toDate: addDays(localDate(now), this.rulesProvider.rules.referralSearchDays),
        pool: null,
        after: null,
        limit: 50,
        now,
      });
      const open = candidates.filter((s) => s.startsAt > now);
      for (const pool of ['reserved', 'public'] as Pool[]) {
        for (const session of open) {
          if ((pool === 'reserved' ? session.freeReserved : session.freePublic) === 0) continue;
          if (await this.bookings.hasActive(session.id, r.patientResidentId)) continue;
          const claimed = await this.seats.claim(
            {
              id: uuidv7(),
              sessionId: session.id,
              institutionId: session.institutionId,
              groupId: session.groupId,
              patientResidentId: r.patientResidentId,
              referralId: r.referralId,
              // Booked on behalf of the referring institution, which may then see and change it.
              bookedByInstitutionId: r.referringInstitutionId || session.institutionId,
              priority: priorityFor(r.contractedPriority, r.greenChannel),
              clientRequestId: uuidv7(),
            },
            [pool],
            session.endsAt,
            now,
          );
          if (!claimed) continue;
          await this.bookingEvents.bookingsChanged(claimed.booking.pullEvents(), claimed.session);
          return this.hold(request, claimed.booking.snapshot(), now, claimed.session);
        }
      }
      // Waiting already: the referrer put the referral on a full session's waitlist before acceptance.
      const [waiting] = await this.bookings.lockWaitingForReferral(r.referralId);
      if (waiting) return this.waitlist(request, waiting, now);
      const earliest = await this.schedules.earliestOpenSession({
        institutionId: r.institutionId,
        departmentId: r.departmentId,
        specialtyCode: r.departmentId ? '' : r.specialtyCode,
        toDate: addDays(localDate(now), this.rulesProvider.rules.referralSearchDays),
        now,
      });
      if (!earliest) {
        request.noSession(now);
        await this.requests.update(request, request.readVersion);
        await this.events.slotHoldChanged(request.snapshot(), null, null);
        return;
      }
      const entry = WaitlistEntry.join(
        {
          id: uuidv7(),
          sessionId: earliest,
          institutionId: r.institutionId,
          groupId: r.groupId,
          patientResidentId: r.patientResidentId,
          referralId: r.referralId,
          requestedByInstitutionId: r.referringInstitutionId || r.institutionId,
          mayTakeReserved: true,
          priority: priorityFor(r.contractedPriority, r.greenChannel),
        },
        now,
      );
      // One place per patient in a session's queue: a patient already waiting there keeps that place.
      if (!(await this.bookings.hasWaiting(earliest, r.patientResidentId))) {
        await this.bookings.insertEntry(entry.snapshot(), uuidv7());
        await this.bookingEvents.waitlistChanged(entry.pullChanges());
        return this.waitlist(request, entry.snapshot(), now);
      }
      return this.waitlist(request, { id: '', sessionId: earliest }, now);
    });
  }

  private async waitlist(
    request: SlotHoldRequest,
    entry: { id: string; sessionId: string },
    now: Date,
  ): Promise<void> {
    request.waitlisted({ id: entry.id, sessionId: entry.sessionId }, now);
    await this.requests.update(request, request.readVersion);
    await this.events.slotHoldChanged(request.snapshot(), null, null);
  }

  /** The referral's slot answers its hold; it waits on no waitlist any more. */
  /** Records the hold on `booking`; `session` is its session as the claim left it, read again when not given. */
  private async hold(
    request: SlotHoldRequest,
    booking: BookingSnapshot,
    now: Date,
    session?: SessionView,
  ): Promise<void> {
    request.held({ id: booking.id, pool: booking.pool, sessionId: booking.sessionId }, now);
    await this.requests.update(request, request.readVersion);
    await this.seats.withdrawReferralWaiting(booking.referralId, now);
    await this.events.slotHoldChanged(
      request.snapshot(),
      booking,
      session ?? (await this.schedules.viewSession(booking.sessionId)),
    );
  }
}
