import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { addDays, localDate } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { SeatKeeper } from '../../../booking/application/seat-keeper';
import { Booking, type BookingSnapshot } from '../../../booking/domain/booking';
import { BookingRepository } from '../../../booking/domain/booking.repository';
import { priorityFor, type Pool } from '../../../booking/domain/pool';
import { WaitlistEntry } from '../../../booking/domain/waitlist-entry';
import { ScheduleRepository } from '../../../schedules/domain/schedule.repository';
import { canSeeClaim, requireAllowed } from '../../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../../shared/scheduling-error';
import { SchedulingEvents } from '../../../shared/scheduling-events';
import { SchedulingRulesProvider } from '../../../shared/scheduling-rules';
import {
  SlotHoldRequest,
  type NewSlotHoldRequest,
  type SlotHoldRequestSnapshot,
} from '../../domain/slot-hold-request';
import { SlotHoldRequestRepository } from '../../domain/slot-hold-request.repository';

/** What the referral's events tell scheduling. */
export type ReferralFacts = Omit<NewSlotHoldRequest, 'id'>;

/**
 * Scheduling's side of the referral saga. Each step runs in the consumer's
 * transaction with its inbox row, so a crash replays the step and a replay
 * finds it done: a referral never holds two slots, and a cancelled referral
 * never keeps one.
 */
@Injectable()
export class ReferralSagaUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: SlotHoldRequestRepository,
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly seats: SeatKeeper,
    private readonly events: SchedulingEvents,
    private readonly rulesProvider: SchedulingRulesProvider,
  ) {}

  /** ReferralSubmitted: remember what the hold will need. */
  async submitted(facts: ReferralFacts, now = new Date()): Promise<void> {
    await this.uow.run(async () => {
      const request = SlotHoldRequest.request({ ...facts, id: uuidv7() }, now);
      if (await this.requests.insertIfAbsent(request))
        await this.events.slotHoldRequested(request.snapshot());
    });
  }

  /**
   * ReferralAccepted: the slot the referral already holds (booked by the referrer before acceptance),
   * else the reserved pool first, then public, then the waitlist of the earliest session.
   */
  async accepted(facts: ReferralFacts, now = new Date()): Promise<void> {
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
          const booking = await this.seats.claim(
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
          if (!booking) continue;
          await this.events.bookingsChanged(
            booking.pullEvents(),
            (await this.schedules.viewSession(session.id))!,
          );
          return this.hold(request, booking.snapshot(), now);
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
        await this.requests.update(request);
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
        await this.events.waitlistChanged(entry.pullChanges());
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
    await this.requests.update(request);
    await this.events.slotHoldChanged(request.snapshot(), null, null);
  }

  /** The referral's slot answers its hold; it waits on no waitlist any more. */
  private async hold(request: SlotHoldRequest, booking: BookingSnapshot, now: Date): Promise<void> {
    request.held({ id: booking.id, pool: booking.pool, sessionId: booking.sessionId }, now);
    await this.requests.update(request);
    await this.seats.withdrawReferralWaiting(booking.referralId, now);
    await this.events.slotHoldChanged(
      request.snapshot(),
      booking,
      await this.schedules.viewSession(booking.sessionId),
    );
  }

  /** ReferralCancelled or ReferralExpired: give back the slot and leave every waitlist. */
  async cancelled(referralId: string, reason: string, now = new Date()): Promise<void> {
    await this.uow.run(async () => {
      const request = await this.requests.findByReferral(referralId, true);
      if (!request) return;
      // Released first, so giving the slot back below finds the hold already ended (one event).
      request.released(now);
      if (request.takeChanged()) {
        await this.requests.update(request);
        await this.events.slotHoldChanged(request.snapshot(), null, null);
      }
      const found = await this.bookings.lockActiveForReferral(referralId);
      if (found) {
        const booking = Booking.restore(found);
        booking.cancel(reason || 'referral cancelled', now);
        await this.seats.finish(booking, now);
      }
      await this.seats.withdrawReferralWaiting(referralId, now);
    });
  }

  async get(identity: Identity, referralId: string): Promise<SlotHoldRequestSnapshot> {
    new FieldChecks().uuid('referralId', referralId).throwIfAny();
    const request = await this.requests.findByReferral(referralId.toLowerCase(), false);
    if (!request) {
      throw new SchedulingError(
        SchedulingErrorCode.HoldRequestNotFound,
        'no hold request for this referral',
        'referralId',
      );
    }
    const r = request.snapshot();
    requireAllowed(
      canSeeClaim(identity, {
        institutionId: r.institutionId,
        groupId: r.groupId,
        // The referring institution follows its referral's hold; the hospital holds the slot.
        requestedBy: r.referringInstitutionId || r.institutionId,
      }),
      'see this hold',
    );
    return r;
  }
}
