import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { addDays, localDate } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { SeatKeeper } from '../../../booking/application/seat-keeper';
import { Booking } from '../../../booking/domain/booking';
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

  /** ReferralAccepted: reserved pool first, then public, then the waitlist of the earliest session. */
  async accepted(facts: ReferralFacts, now = new Date()): Promise<void> {
    await this.uow.run(async () => {
      await this.requests.insertIfAbsent(SlotHoldRequest.request({ ...facts, id: uuidv7() }, now));
      const request = (await this.requests.findByReferral(facts.referralId, true))!;
      if (!request.awaitingSlot) return;
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
              bookedByInstitutionId: session.institutionId,
              priority: priorityFor(r.contractedPriority, r.greenChannel),
              clientRequestId: uuidv7(),
            },
            [pool],
            session.endsAt,
            now,
          );
          if (!booking) continue;
          request.held({ id: booking.snapshot().id, pool, sessionId: session.id }, now);
          await this.requests.update(request);
          const view = (await this.schedules.viewSession(session.id))!;
          await this.events.bookingsChanged(booking.pullEvents(), view);
          await this.events.slotHoldChanged(request.snapshot(), booking.snapshot(), view);
          return;
        }
      }
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
          requestedByInstitutionId: r.institutionId,
          mayTakeReserved: true,
          priority: priorityFor(r.contractedPriority, r.greenChannel),
        },
        now,
      );
      await this.bookings.insertEntry(entry.snapshot(), uuidv7());
      request.waitlisted({ id: entry.snapshot().id, sessionId: earliest }, now);
      await this.requests.update(request);
      await this.events.waitlistChanged(entry.pullChanges());
      await this.events.slotHoldChanged(request.snapshot(), null, null);
    });
  }

  /** ReferralCancelled: give back the slot or leave the waitlist. */
  async cancelled(referralId: string, reason: string, now = new Date()): Promise<void> {
    await this.uow.run(async () => {
      const request = await this.requests.findByReferral(referralId, true);
      if (!request) return;
      const r = request.snapshot();
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
      if (r.waitlistEntryId) {
        const waiting = await this.bookings.findEntry(r.waitlistEntryId, true);
        if (waiting?.status === 'waiting') {
          const entry = WaitlistEntry.restore(waiting);
          entry.withdraw(now);
          await this.bookings.updateEntry(entry.snapshot());
          await this.events.waitlistChanged(entry.pullChanges());
        }
      }
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
        requestedBy: r.institutionId,
      }),
      'see this hold',
    );
    return r;
  }
}
