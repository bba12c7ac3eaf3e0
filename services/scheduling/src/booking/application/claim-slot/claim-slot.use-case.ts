import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { AppError } from '@medgrid/errors';
import { type ClientRequest, ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { counter, histogram } from '@medgrid/telemetry';
import { v7 as uuidv7 } from 'uuid';
import { ScheduleRepository } from '../../../schedules/domain/schedule.repository';
import { requireBookable, type SessionView } from '../../../schedules/domain/session';
import { canClaimAt, requireAllowed } from '../../../common/scheduling-access.policy';
import { BookingError, BookingErrorCode } from '../../domain/booking-error';
import { type BookingSnapshot } from '../../domain/booking';
import { BookingEventPublisher } from '../../domain/booking-event-publisher';
import { BookingRepository, RECORDED_BEFORE } from '../../domain/booking.repository';
import { type Pool, poolsToTry, type Priority } from '../../domain/pool';
import { BookingRulesProvider } from '../booking-rules';
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

function soldOut(pools: readonly Pool[]): BookingError {
  return new BookingError(
    BookingErrorCode.SoldOut,
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
 * patient per session, one live slot per referral. A claim is taken once per
 * client request id, even when two retries race (ClientRequests).
 */
@Injectable()
export class ClaimSlotUseCase {
  constructor(
    private readonly requests: ClientRequests,
    private readonly bookings: BookingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly eligibility: ReserveEligibilityCheck,
    private readonly seats: SeatKeeper,
    private readonly events: BookingEventPublisher,
    private readonly rulesProvider: BookingRulesProvider,
  ) {}

  async execute(identity: Identity, command: ClaimSlotCommand, now = new Date()): Promise<ClaimResult> {
    const stop = decisionSeconds.startTimer({ mode: command.mode });
    try {
      const result = await this.claim(identity, command, now);
      decisions.inc({ mode: command.mode, outcome: 'taken', pool: result.booking.pool });
      stop({ outcome: 'taken' });
      return result;
    } catch (error) {
      const outcome = error instanceof AppError ? error.code : 'error';
      decisions.inc({ mode: command.mode, outcome, pool: command.pool ?? 'any' });
      stop({ outcome });
      throw error;
    }
  }

  private async claim(identity: Identity, command: ClaimSlotCommand, now: Date): Promise<ClaimResult> {
    const { sessionId, referralId, patientResidentId: patient } = command;
    const request = clientRequestOf('claim-slot', command, 'claim.clientRequestId');
    // Everything that can refuse the claim is read first, in one statement and no transaction:
    // in a booking rush most answers are refusals (sold out above all).
    const context = await this.bookings.claimContext(sessionId, patient);
    const session = context.session;
    if (!session) {
      throw new BookingError(BookingErrorCode.NotFound, 'no session with this id', 'claim.sessionId');
    }
    requireAllowed(
      canClaimAt(identity, { id: session.institutionId, groupId: session.groupId }),
      'book at this hospital',
    );
    let pools: Pool[];
    let priority: Priority;
    try {
      requireBookable(session, now);
      const standing = await this.eligibility.standing(identity, session, patient, referralId);
      pools = poolsToTry(command.pool, standing);
      priority = standing.priority;
      if (context.patientHasActive) {
        throw new BookingError(
          BookingErrorCode.AlreadyBookedInSession,
          'the patient already has a booking in this session',
          'claim.patientResidentId',
        );
      }
      if (!pools.some((pool) => freeSeats(session, pool) > 0)) throw soldOut(pools);
    } catch (refusal) {
      // A retry of a claim already taken is answered as it was, whatever the session is like now
      // (the first attempt may have taken its last seat); the read above came first, so a first
      // attempt committed after it is seen here.
      const earlier = await this.requests.earlierResult(request);
      if (earlier === null) throw refusal;
      return (await this.answerOf(earlier))!;
    }
    const minutes = command.holdMinutes || this.rulesProvider.rules.holdDefaultMinutes;
    const hold = command.mode === 'hold' ? new Date(now.getTime() + minutes * 60_000) : null;
    // The booking's id is drawn first, so the request is recorded with the statement that takes the seat. A retry
    // racing its first attempt waits on that record, then gets its booking: without that it could find every free
    // seat locked by the attempts in flight and answer SOLD_OUT.
    const bookingId = uuidv7();
    const take = async (toRecord?: ClientRequest): Promise<ClaimResult | null> => {
      // The seat is taken with one statement; the unique indexes turn a second claim of the
      // patient or the referral into the refusals above.
      const claimed = await this.seats.claim(
        {
          id: bookingId,
          sessionId: session.id,
          institutionId: session.institutionId,
          groupId: session.groupId,
          patientResidentId: patient,
          referralId,
          bookedByInstitutionId: identity.institutionId ?? session.institutionId,
          priority,
          clientRequestId: command.clientRequestId,
        },
        pools,
        hold,
        now,
        toRecord,
      );
      if (claimed === RECORDED_BEFORE) return null;
      if (!claimed) throw soldOut(pools);
      const { booking, session: view } = claimed;
      await this.events.bookingsChanged(booking.pullEvents(), view);
      await this.seats.referralSlotTaken(booking.snapshot(), view, now);
      return { booking: booking.snapshot(), session: view };
    };
    const load = (earlierId: string) => this.answerOf(earlierId);
    if (!referralId) return this.requests.createRecordedBy(request, { id: bookingId, load, create: take });
    // A referral's claim locks the referral first, which would refuse a retry of a claim already taken (its
    // referral holds a slot): the request is recorded before that lock.
    return this.requests.createOnce(request, {
      id: bookingId,
      load,
      create: async () => {
        await this.seats.lockReferralForClaim(referralId, 'claim.referralId');
        const result = await take();
        if (result === null) throw new Error('a claim given no client request to record found one recorded');
        return { id: bookingId, result };
      },
    });
  }

  /** A booking an earlier attempt made, with its session as it is now. */
  private async answerOf(bookingId: string): Promise<ClaimResult | null> {
    const booking = await this.bookings.find(bookingId, false);
    return booking && { booking, session: (await this.schedules.viewSession(booking.sessionId))! };
  }
}
