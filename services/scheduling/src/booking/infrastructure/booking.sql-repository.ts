import { Injectable } from '@nestjs/common';
import { changedRows, mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { SchedulingError, SchedulingErrorCode } from '../../shared/scheduling-error';
import { type BookingSnapshot } from '../domain/booking';
import {
  FREE_COUNTS,
  SESSION_COLUMNS,
  type SessionRow,
  toView,
} from '../../schedules/infrastructure/session.sql';
import { BookingRepository, type ClaimContext } from '../domain/booking.repository';
import { type Pool } from '../domain/pool';
import { type WaitlistEntrySnapshot } from '../domain/waitlist-entry';
import { compareWaiting } from '../domain/waitlist-order';

interface BookingRow {
  id: string;
  session_id: string;
  institution_id: string;
  group_id: string;
  slot_number: number;
  pool: Pool;
  status: BookingSnapshot['status'];
  patient_resident_id: string;
  referral_id: string;
  booked_by_institution_id: string;
  priority_contracted: boolean;
  priority_fee_waived: boolean;
  priority_green_channel: boolean;
  hold_expires_at: Date | null;
  client_request_id: string;
  created_at: Date;
  updated_at: Date;
  cancel_reason: string;
  version: number;
}

function toBooking(r: BookingRow): BookingSnapshot {
  return {
    id: r.id,
    sessionId: r.session_id,
    institutionId: r.institution_id,
    groupId: r.group_id,
    slotNumber: r.slot_number,
    pool: r.pool,
    status: r.status,
    patientResidentId: r.patient_resident_id,
    referralId: r.referral_id,
    bookedByInstitutionId: r.booked_by_institution_id,
    priority: {
      contractedResident: r.priority_contracted,
      consultationFeeWaived: r.priority_fee_waived,
      greenChannel: r.priority_green_channel,
    },
    holdExpiresAt: r.hold_expires_at,
    clientRequestId: r.client_request_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    cancelReason: r.cancel_reason,
    version: r.version,
  };
}

interface EntryRow {
  id: string;
  session_id: string;
  institution_id: string;
  group_id: string;
  patient_resident_id: string;
  referral_id: string;
  requested_by_institution_id: string;
  may_take_reserved: boolean;
  priority_contracted: boolean;
  priority_fee_waived: boolean;
  priority_green_channel: boolean;
  status: WaitlistEntrySnapshot['status'];
  booking_id: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

function toEntry(r: EntryRow): WaitlistEntrySnapshot {
  return {
    id: r.id,
    sessionId: r.session_id,
    institutionId: r.institution_id,
    groupId: r.group_id,
    patientResidentId: r.patient_resident_id,
    referralId: r.referral_id,
    requestedByInstitutionId: r.requested_by_institution_id,
    mayTakeReserved: r.may_take_reserved,
    priority: {
      contractedResident: r.priority_contracted,
      consultationFeeWaived: r.priority_fee_waived,
      greenChannel: r.priority_green_channel,
    },
    status: r.status,
    bookingId: r.booking_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** booking, seat (claims) and waitlist_entry. */
@Injectable()
export class BookingSqlRepository extends BookingRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async claimContext(sessionId: string, patientResidentId: string): Promise<ClaimContext> {
    const [row] = await this.db.query<(Partial<SessionRow> & { active: boolean })[]>(
      `SELECT EXISTS (SELECT 1 FROM booking WHERE session_id = $1 AND patient_resident_id = $2
                        AND status IN ('held', 'booked')) AS active,
              v.*
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT ${SESSION_COLUMNS}, ${FREE_COUNTS} FROM clinic_session s WHERE s.id = $1) v ON true`,
      [sessionId, patientResidentId],
    );
    return {
      session: row!.id ? toView(row as SessionRow) : null,
      patientHasActive: row!.active,
    };
  }

  async find(id: string, lock: boolean): Promise<BookingSnapshot | null> {
    const [row] = await this.db.query<BookingRow[]>(
      `SELECT * FROM booking WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toBooking(row) : null;
  }

  async hasActive(sessionId: string, patientResidentId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM booking WHERE session_id = $1 AND patient_resident_id = $2 AND status IN ('held', 'booked')`,
      [sessionId, patientResidentId],
    );
    return rows.length > 0;
  }

  async claimSeat(sessionId: string, pool: Pool, bookingId: string): Promise<number | null> {
    // One statement: pick the lowest free seat nobody else is claiming right now and take it.
    // Concurrent claimers skip each other's locked rows instead of queueing on them.
    const rows = await changedRows<{ slot_number: number }>(
      this.db,
      `UPDATE seat SET booking_id = $3
        WHERE (session_id, slot_number) = (
          SELECT session_id, slot_number FROM seat
           WHERE session_id = $1 AND pool = $2 AND booking_id IS NULL
           ORDER BY slot_number LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING slot_number`,
      [sessionId, pool, bookingId],
    );
    return rows[0]?.slot_number ?? null;
  }

  async claimFreedSeat(sessionId: string, slotNumber: number, bookingId: string): Promise<boolean> {
    const rows = await changedRows(
      this.db,
      `UPDATE seat SET booking_id = $3 WHERE session_id = $1 AND slot_number = $2 AND booking_id IS NULL
       RETURNING slot_number`,
      [sessionId, slotNumber, bookingId],
    );
    return rows.length > 0;
  }

  async freeSeat(sessionId: string, slotNumber: number): Promise<Pool | null> {
    const [row] = await changedRows<{ pool: Pool }>(
      this.db,
      `UPDATE seat SET booking_id = NULL WHERE session_id = $1 AND slot_number = $2 RETURNING pool`,
      [sessionId, slotNumber],
    );
    return row?.pool ?? null;
  }

  async insert(b: BookingSnapshot): Promise<void> {
    await mapUniqueViolations(
      () =>
        this.db.query(
          `INSERT INTO booking (id, session_id, institution_id, group_id, slot_number, pool, status,
           patient_resident_id, referral_id, booked_by_institution_id, priority_contracted, priority_fee_waived,
           priority_green_channel, hold_expires_at, client_request_id, created_at, updated_at, cancel_reason, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
          [
            b.id,
            b.sessionId,
            b.institutionId,
            b.groupId,
            b.slotNumber,
            b.pool,
            b.status,
            b.patientResidentId,
            b.referralId,
            b.bookedByInstitutionId,
            b.priority.contractedResident,
            b.priority.consultationFeeWaived,
            b.priority.greenChannel,
            b.holdExpiresAt,
            b.clientRequestId,
            b.createdAt,
            b.updatedAt,
            b.cancelReason,
            b.version,
          ],
        ),
      {
        booking_referral_uq: () =>
          new SchedulingError(
            SchedulingErrorCode.ReferralAlreadyHolds,
            'the referral already holds a slot',
            'claim.referralId',
          ),
        booking_patient_session_uq: () =>
          new SchedulingError(
            SchedulingErrorCode.AlreadyBookedInSession,
            'the patient already has a booking in this session',
            'claim.patientResidentId',
          ),
      },
    );
  }

  async update(b: BookingSnapshot): Promise<void> {
    await this.db.query(
      `UPDATE booking SET status = $2, hold_expires_at = $3, updated_at = $4, cancel_reason = $5, version = $6
        WHERE id = $1`,
      [b.id, b.status, b.holdExpiresAt, b.updatedAt, b.cancelReason, b.version],
    );
  }

  async lockActiveInSession(sessionId: string): Promise<BookingSnapshot[]> {
    const rows = await this.db.query<BookingRow[]>(
      `SELECT * FROM booking WHERE session_id = $1 AND status IN ('held', 'booked') ORDER BY slot_number FOR UPDATE`,
      [sessionId],
    );
    return rows.map(toBooking);
  }

  async lockExpiredHolds(now: Date, limit: number): Promise<BookingSnapshot[]> {
    const rows = await this.db.query<BookingRow[]>(
      `SELECT * FROM booking WHERE status = 'held' AND hold_expires_at <= $1
        ORDER BY hold_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toBooking);
  }

  async lockActiveForReferral(referralId: string): Promise<BookingSnapshot | null> {
    const [row] = await this.db.query<BookingRow[]>(
      `SELECT * FROM booking WHERE referral_id = $1 AND status IN ('held', 'booked') FOR UPDATE`,
      [referralId],
    );
    return row ? toBooking(row) : null;
  }

  async findEntry(id: string, lock: boolean): Promise<WaitlistEntrySnapshot | null> {
    const [row] = await this.db.query<EntryRow[]>(
      `SELECT * FROM waitlist_entry WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toEntry(row) : null;
  }

  async hasWaiting(sessionId: string, patientResidentId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM waitlist_entry WHERE session_id = $1 AND patient_resident_id = $2 AND status = 'waiting'`,
      [sessionId, patientResidentId],
    );
    return rows.length > 0;
  }

  async insertEntry(e: WaitlistEntrySnapshot, clientRequestId: string): Promise<void> {
    await mapUniqueViolations(
      () =>
        this.db.query(
          `INSERT INTO waitlist_entry (id, session_id, institution_id, group_id, patient_resident_id, referral_id,
           requested_by_institution_id, may_take_reserved, priority_contracted, priority_fee_waived,
           priority_green_channel, status, booking_id, client_request_id, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
          [
            e.id,
            e.sessionId,
            e.institutionId,
            e.groupId,
            e.patientResidentId,
            e.referralId,
            e.requestedByInstitutionId,
            e.mayTakeReserved,
            e.priority.contractedResident,
            e.priority.consultationFeeWaived,
            e.priority.greenChannel,
            e.status,
            e.bookingId,
            clientRequestId,
            e.createdAt,
            e.updatedAt,
            e.version,
          ],
        ),
      {
        waitlist_entry_patient_uq: () =>
          new SchedulingError(
            SchedulingErrorCode.AlreadyWaiting,
            'the patient is already on this session’s waitlist',
            'claim.patientResidentId',
          ),
      },
    );
  }

  async updateEntry(e: WaitlistEntrySnapshot): Promise<void> {
    await this.db.query(
      `UPDATE waitlist_entry SET status = $2, booking_id = $3, updated_at = $4, version = $5 WHERE id = $1`,
      [e.id, e.status, e.bookingId, e.updatedAt, e.version],
    );
  }

  async lockWaiting(sessionId: string): Promise<WaitlistEntrySnapshot[]> {
    const rows = await this.db.query<EntryRow[]>(
      // Not those who meanwhile hold a slot in this session, or whose referral holds one anywhere:
      // offering them a seat would break the one-live-booking indexes and abort the transaction.
      `SELECT w.* FROM waitlist_entry w
        WHERE w.session_id = $1 AND w.status = 'waiting'
          AND NOT EXISTS (
            SELECT 1 FROM booking b
             WHERE b.status IN ('held', 'booked')
               AND ((b.session_id = w.session_id AND b.patient_resident_id = w.patient_resident_id)
                    OR (w.referral_id <> '' AND b.referral_id = w.referral_id)))
        ORDER BY w.created_at, w.id FOR UPDATE OF w SKIP LOCKED`,
      [sessionId],
    );
    return rows.map(toEntry);
  }

  async lockWaitingForReferral(referralId: string): Promise<WaitlistEntrySnapshot[]> {
    const rows = await this.db.query<EntryRow[]>(
      // SKIP LOCKED: an entry locked meanwhile is being offered a seat by another transaction, which
      // then waits for the referral's hold (this transaction holds it) and leaves it be once it sees
      // the referral served or ended. Waiting for the entry instead could deadlock with that one.
      `SELECT * FROM waitlist_entry WHERE referral_id = $1 AND status = 'waiting' ORDER BY id
         FOR UPDATE SKIP LOCKED`,
      [referralId],
    );
    return rows.map(toEntry);
  }

  async positionOf(entry: WaitlistEntrySnapshot): Promise<number> {
    if (entry.status !== 'waiting') return 0;
    const rows = await this.db.query<EntryRow[]>(
      `SELECT * FROM waitlist_entry WHERE session_id = $1 AND status = 'waiting'`,
      [entry.sessionId],
    );
    const order = rows.map(toEntry).sort(compareWaiting);
    return order.findIndex((e) => e.id === entry.id) + 1;
  }
}
