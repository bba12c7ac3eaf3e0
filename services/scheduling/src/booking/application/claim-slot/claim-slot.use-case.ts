import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { counter, histogram } from '@medgrid/telemetry';
import { v7 as uuidv7 } from 'uuid';
import { ScheduleRepository } from '../../../schedules/domain/schedule.repository';
import { requireBookable, type SessionView } from '../../../schedules/domain/session';
import { canClaimAt, requireAllowed } from '../../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../../shared/scheduling-error';
import { SchedulingEvents } from '../../../shared/scheduling-events';
import { SchedulingRulesProvider } from '../../../shared/scheduling-rules';
import { type BookingSnapshot } from '../../domain/booking';
import { BookingRepository, ClientRequestRace } from '../../domain/booking.repository';
import { type Pool, poolsToTry } from '../../domain/pool';
import { ReserveEligibilityCheck } from '../reserve-eligibility';
import { SeatKeeper } from '../seat-keeper';
import { type ClaimSlotCommand } from './claim-slot.command';

const decisions = counter('medgrid_scheduling_booking_decisions_total', 'Slot claims decided, by outcome', [
  'mode',
  'outcome',
  'pool',
]);
const decisionSeconds = histogram('medgrid_scheduling_booking_decision_seconds', 'Time to decide a claim', [
  'mode',
  'outcome',
]);

function freeSeats(session: SessionView, pool: Pool): number {
  return pool === 'reserved' ? session.freeReserved : session.freePublic;
}

function soldOut(pools: readonly Pool[]): SchedulingError {
  return new SchedulingError(
    SchedulingErrorCode.SoldOut,
    `no free slot left in the ${pools.join(' or ')} pool of this session`,
    'claim.sessionId',
  );
}

export interface ClaimResult {
  readonly booking: BookingSnapshot;
  readonly session: SessionView;
}

/**
 * HoldSlot and BookSlot. A seat is claimed with one statement (no counter row
 * to queue on); the unique indexes settle the rest: one live booking per
 * patient per session, one live slot per referral, one answer per client
 * request id even when two retries race.
 */
@Injectable()
export class ClaimSlotUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly eligibility: ReserveEligibilityCheck,
    private readonly seats: SeatKeeper,
    private readonly events: SchedulingEvents,
    private readonly rulesProvider: SchedulingRulesProvider,
  ) {}

  async execute(identity: Identity, command: ClaimSlotCommand, now = new Date()): Promise<ClaimResult> {
    const stop = decisionSeconds.startTimer({ mode: command.mode });
    try {
      const result = await this.claim(identity, command, now);
      decisions.inc({ mode: command.mode, outcome: 'taken', pool: result.booking.pool });
      stop({ outcome: 'taken' });
      return result;
    } catch (error) {
      const outcome = error instanceof SchedulingError ? error.code : 'error';
      decisions.inc({ mode: command.mode, outcome, pool: command.pool ?? 'any' });
      stop({ outcome });
      throw error;
    }
  }

  private async claim(identity: Identity, command: ClaimSlotCommand, now: Date): Promise<ClaimResult> {
    const { clientRequestId, sessionId, referralId, patientResidentId: patient } = command;
    // Everything that can refuse the claim is read first, in one statement and no transaction:
    // in a booking rush most answers are refusals (sold out above all).
    const context = await this.bookings.claimContext(clientRequestId, sessionId, patient);
    if (context.earlierBookingId) return this.replay(clientRequestId, sessionId, patient);
    const session = context.session;
    if (!session) {
      throw new SchedulingError(SchedulingErrorCode.NotFound, 'no session with this id', 'claim.sessionId');
    }
    requireAllowed(
      canClaimAt(identity, { id: session.institutionId, groupId: session.groupId }),
      'book at this hospital',
    );
    requireBookable(session, now);
    const standing = await this.eligibility.standing(identity, session, patient, referralId);
    const pools = poolsToTry(command.pool, standing);
    if (context.patientHasActive) {
      throw new SchedulingError(
        SchedulingErrorCode.AlreadyBookedInSession,
        'the patient already has a booking in this session',
        'claim.patientResidentId',
      );
    }
    if (!pools.some((pool) => freeSeats(session, pool) > 0)) throw soldOut(pools);
    const minutes = command.holdMinutes || this.rulesProvider.rules.holdDefaultMinutes;
    try {
      // The seat is taken with one statement; the unique indexes turn a concurrent retry of this
      // request or a second claim of the patient into the refusals above.
      return await this.uow.run(async () => {
        // A retry racing its first attempt waits here for it, then finds its booking: without
        // this it could find every free seat locked by the attempts in flight and answer SOLD_OUT.
        await this.bookings.lockClientRequest(clientRequestId);
        if (await this.bookings.findByClientRequest(clientRequestId)) throw new ClientRequestRace();
        if (referralId) await this.seats.lockReferralForClaim(referralId, 'claim.referralId');
        const booking = await this.seats.claim(
          {
            id: uuidv7(),
            sessionId: session.id,
            institutionId: session.institutionId,
            groupId: session.groupId,
            patientResidentId: patient,
            referralId,
            bookedByInstitutionId: identity.institutionId ?? session.institutionId,
            priority: standing.priority,
            clientRequestId,
          },
          pools,
          command.mode === 'hold' ? new Date(now.getTime() + minutes * 60_000) : null,
          now,
        );
        if (!booking) throw soldOut(pools);
        const view = (await this.schedules.viewSession(session.id))!;
        await this.events.bookingsChanged(booking.pullEvents(), view);
        await this.seats.referralSlotTaken(booking.snapshot(), view, now);
        return { booking: booking.snapshot(), session: view };
      });
    } catch (error) {
      if (!(error instanceof ClientRequestRace)) throw error;
      // A concurrent retry of the same request won; answer what it got.
      return this.replay(clientRequestId, sessionId, patient);
    }
  }

  private async replay(clientRequestId: string, sessionId: string, patient: string): Promise<ClaimResult> {
    const earlier = (await this.bookings.findByClientRequest(clientRequestId))!;
    if (earlier.sessionId !== sessionId || earlier.patientResidentId !== patient) {
      throw new SchedulingError(
        SchedulingErrorCode.RequestReused,
        'this client request id was used for a different claim',
        'claim.clientRequestId',
      );
    }
    return { booking: earlier, session: (await this.schedules.viewSession(sessionId))! };
  }
}
