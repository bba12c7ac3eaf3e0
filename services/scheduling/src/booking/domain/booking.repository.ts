import { type ClientRequest } from '@medgrid/idempotency';
import { type SessionView } from '../../schedules/domain/session';
import { type Pool } from './pool';
import { type BookingSnapshot } from './booking';
import { type WaitlistEntrySnapshot } from './waitlist-entry';

/** What a claim must know before it takes a seat, read together in one statement. */
export interface ClaimContext {
  /** The session with its free seats per pool; null when there is no such session. */
  readonly session: SessionView | null;
  /** Whether the patient already holds or has booked a slot in this session. */
  readonly patientHasActive: boolean;
}

/** The seat a claim took, and its session as the claim left it. */
export interface TakenSeat {
  readonly slotNumber: number;
  readonly session: SessionView;
}

/** takeSeat's answer when the client request it was to record was recorded by an earlier attempt. */
export const RECORDED_BEFORE = 'recorded-before';

/** Bookings, the seats they claim, and waitlists. */
export abstract class BookingRepository {
  /**
   * One read, outside any transaction and shared by the claims that arrive together, so that most
   * refusals in a booking rush (sold out, already booked) cost a share of one statement and never
   * open a transaction.
   */
  abstract claimContext(sessionId: string, patientResidentId: string): Promise<ClaimContext>;
  abstract find(id: string, lock: boolean): Promise<BookingSnapshot | null>;
  abstract hasActive(sessionId: string, patientResidentId: string): Promise<boolean>;
  /**
   * Takes the lowest free seat of the booking's pool that no other claim is taking and stores the
   * booking on it, as ONE statement; answers the seat and the session's view with the seat taken,
   * or null when the pool has none free (a clean sold-out answer). The booking's own slot number is
   * not stored: the seat taken is. A second live booking of the patient in the session, or of the
   * referral, is refused as by insert. Given the client request that asks for it, the same statement
   * records the request, and takes nothing but answers RECORDED_BEFORE when the request is recorded
   * already (see ClientRequests.createRecordedBy). A null answer given a request has recorded it all the
   * same: the caller takes another pool's seat for the same booking in the transaction, without the
   * request, or rolls the transaction back.
   */
  abstract takeSeat(booking: BookingSnapshot): Promise<TakenSeat | null>;
  abstract takeSeat(
    booking: BookingSnapshot,
    request: ClientRequest | undefined,
  ): Promise<TakenSeat | typeof RECORDED_BEFORE | null>;
  /** Claims a specific seat this transaction already holds (a freed seat offered to the waitlist). */
  abstract claimFreedSeat(sessionId: string, slotNumber: number, bookingId: string): Promise<boolean>;
  /** Frees the booking's seat; returns its pool now (a released reserve may have turned public). */
  abstract freeSeat(sessionId: string, slotNumber: number): Promise<Pool | null>;
  abstract insert(booking: BookingSnapshot): Promise<void>;
  /**
   * Stores a changed booking if it is still at `readVersion`, the version this transaction read
   * (else VERSION_CONFLICT): a write that lost its reader's lock never overwrites another's.
   */
  abstract update(booking: BookingSnapshot, readVersion: number): Promise<void>;
  abstract lockActiveInSession(sessionId: string): Promise<BookingSnapshot[]>;
  abstract lockExpiredHolds(now: Date, limit: number): Promise<BookingSnapshot[]>;
  abstract lockActiveForReferral(referralId: string): Promise<BookingSnapshot | null>;

  abstract findEntry(id: string, lock: boolean): Promise<WaitlistEntrySnapshot | null>;
  abstract hasWaiting(sessionId: string, patientResidentId: string): Promise<boolean>;
  abstract insertEntry(entry: WaitlistEntrySnapshot, clientRequestId: string): Promise<void>;
  /** Stores a changed entry if it is still at `readVersion` (else VERSION_CONFLICT), as update does. */
  abstract updateEntry(entry: WaitlistEntrySnapshot, readVersion: number): Promise<void>;
  abstract lockWaiting(sessionId: string): Promise<WaitlistEntrySnapshot[]>;
  /** The waiting entries of a referral, in any session, locked; those another transaction holds are left out. */
  abstract lockWaitingForReferral(referralId: string): Promise<WaitlistEntrySnapshot[]>;
  abstract positionOf(entry: WaitlistEntrySnapshot): Promise<number>;
}
