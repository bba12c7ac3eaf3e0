import { Injectable } from '@nestjs/common';
import { CallBatcher, insertFrom, mapUniqueViolations, queryNamed, UnitOfWork } from '@medgrid/database';
import { isUuid } from '@medgrid/errors';
import { type ClientRequest, clientRequestGuard } from '@medgrid/idempotency';
import { type EntityManager, In } from 'typeorm';
import {
  sessionViewFromRaw,
  sessionViewQuery,
} from '../../../schedules/infrastructure/persistence/session-view.mapper';
import { BookingError, BookingErrorCode } from '../../domain/booking-error';
import { type BookingSnapshot } from '../../domain/booking';
import {
  BookingRepository,
  type ClaimContext,
  RECORDED_BEFORE,
  type TakenSeat,
} from '../../domain/booking.repository';
import { type Pool } from '../../domain/pool';
import { type WaitlistEntrySnapshot } from '../../domain/waitlist-entry';
import { compareWaiting } from '../../domain/waitlist-order';
import { bookingFromEntity, bookingToEntity } from './booking.mapper';
import { BookingOrmEntity } from './booking.orm-entity';
import {
  waitlistEntryChangeToEntity,
  waitlistEntryFromEntity,
  waitlistEntryToEntity,
} from './waitlist-entry.mapper';
import { WaitlistEntryOrmEntity } from './waitlist-entry.orm-entity';

const LIVE = ['held', 'booked'] as const;
const LOCKED = { lock: { mode: 'pessimistic_write' as const } };

/** The unique indexes a booking's insert may break, as the refusals they are. */
const bookingConflicts = {
  booking_referral_uq: () =>
    new BookingError(
      BookingErrorCode.ReferralAlreadyHolds,
      'the referral already holds a slot',
      'claim.referralId',
    ),
  booking_patient_session_uq: () =>
    new BookingError(
      BookingErrorCode.AlreadyBookedInSession,
      'the patient already has a booking in this session',
      'claim.patientResidentId',
    ),
};

/** What a claim's context is read for: its session (a UUID, checked by the command) and its patient. */
interface ContextAsked {
  readonly sessionId: string;
  readonly patientResidentId: string;
}

/** booking, the seats claims take, and waitlist_entry; joins the current UnitOfWork transaction. */
@Injectable()
export class BookingTypeormRepository extends BookingRepository {
  private readonly contexts = new CallBatcher<ContextAsked, ClaimContext>(
    (batch) => this.readContexts(batch),
    {
      name: 'claim-context',
    },
  );
  // The two statements' text, made once: TypeORM's builder of the session view (the one the schedules repository
  // reads) costs more than the statement's round trip.
  private contextSql: string | undefined;
  private takenViewSql: string | undefined;

  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async claimContext(sessionId: string, patientResidentId: string): Promise<ClaimContext> {
    // Not a UUID: no such session, and it must not fail the statement the other claims are read with.
    if (!isUuid(sessionId)) return { session: null, patientHasActive: false };
    const asked = { sessionId, patientResidentId };
    // A claim in a caller's transaction (the demo loader's day) must see what that transaction wrote.
    if (this.uow.inTransaction())
      return (await this.readContexts([asked], this.uow.transactionalManager()))[0]!;
    return this.contexts.add(asked);
  }

  /**
   * The contexts of the claims that arrive together, as ONE prepared statement over the arrays of what each asks
   * (decision 0014's batched read): in a booking rush most answers are refusals decided by this read alone, so a
   * refusal costs a share of one round trip. The batches run on the pool: the read changes nothing.
   */
  private async readContexts(
    batch: readonly ContextAsked[],
    manager: EntityManager = this.uow.dataSource.manager,
  ): Promise<ClaimContext[]> {
    this.contextSql ??= `SELECT EXISTS (SELECT 1 FROM booking b
                                  WHERE b.session_id = asked.session_id
                                    AND b.patient_resident_id = asked.patient_resident_id
                                    AND b.status IN ('held', 'booked')) AS active,
              v.*
         FROM unnest(:sessionIds::uuid[], :patientResidentIds::text[]) WITH ORDINALITY
              AS asked(session_id, patient_resident_id, n)
         LEFT JOIN LATERAL (${sessionViewQuery(manager).where('s.id = asked.session_id').getQuery()}) v ON true
        ORDER BY asked.n`;
    const rows = await queryNamed<{ active: boolean; s_id: string | null } & Record<string, unknown>>(
      manager,
      this.contextSql,
      {
        sessionIds: batch.map((asked) => asked.sessionId),
        patientResidentIds: batch.map((asked) => asked.patientResidentId),
      },
      { prepared: true },
    );
    return rows.map((row) => ({
      session: row.s_id ? sessionViewFromRaw(manager, row) : null,
      patientHasActive: row.active,
    }));
  }

  async find(id: string, lock: boolean): Promise<BookingSnapshot | null> {
    const row = await this.db.findOne(BookingOrmEntity, { where: { id }, ...(lock ? LOCKED : {}) });
    return row ? bookingFromEntity(row) : null;
  }

  hasActive(sessionId: string, patientResidentId: string): Promise<boolean> {
    return this.db.existsBy(BookingOrmEntity, { sessionId, patientResidentId, status: In(LIVE) });
  }

  takeSeat(booking: BookingSnapshot): Promise<TakenSeat | null>;
  takeSeat(
    booking: BookingSnapshot,
    request: ClientRequest | undefined,
  ): Promise<TakenSeat | typeof RECORDED_BEFORE | null>;
  async takeSeat(
    booking: BookingSnapshot,
    request?: ClientRequest,
  ): Promise<TakenSeat | typeof RECORDED_BEFORE | null> {
    const manager = this.db;
    const insert = insertFrom(manager, BookingOrmEntity, bookingToEntity(booking), 'taken', {
      slot_number: 'taken.slot_number',
    });
    const guard = request && clientRequestGuard(request, booking.id);
    this.takenViewSql ??= sessionViewQuery(manager).where('s.id = stored.session_id').getQuery();
    // The seat: the lowest free one nobody else is claiming right now (concurrent claimers skip each other's locked
    // rows instead of queueing on them); the booking stored on it only when one was taken, and with a guard only
    // when the guard recorded the request.
    const [row] = await mapUniqueViolations(
      () =>
        queryNamed<{ recorded: boolean; taken_slot: number | null } & Record<string, unknown>>(
          manager,
          `WITH ${guard ? `guard AS (${guard.sql}),` : ''}
           taken AS (
             UPDATE seat SET booking_id = :bookingId
              WHERE (session_id, slot_number) = (
                SELECT session_id, slot_number FROM seat
                 WHERE session_id = :sessionId AND pool = :pool AND booking_id IS NULL
                   ${guard ? 'AND EXISTS (SELECT 1 FROM guard)' : ''}
                 ORDER BY slot_number LIMIT 1 FOR UPDATE SKIP LOCKED)
             RETURNING slot_number),
           stored AS (${insert.sql} RETURNING session_id, slot_number)
           SELECT ${guard ? 'EXISTS (SELECT 1 FROM guard)' : 'true'} AS recorded, v.*
             FROM (SELECT 1) AS one
             LEFT JOIN (SELECT stored.slot_number AS taken_slot, seen.*
                          FROM stored CROSS JOIN LATERAL (${this.takenViewSql}) seen) v ON true`,
          {
            ...guard?.parameters,
            ...insert.parameters,
            bookingId: booking.id,
            sessionId: booking.sessionId,
            pool: booking.pool,
          },
          { prepared: true },
        ),
      bookingConflicts,
    );
    if (!row!.recorded) return RECORDED_BEFORE;
    if (row!.taken_slot === null) return null;
    // The view is read in the statement's snapshot, which still counts the seat taken as free (and, unlike a read
    // after the statement, leaves out what other claims committed while it ran).
    const view = sessionViewFromRaw(manager, row!);
    return {
      slotNumber: row!.taken_slot,
      session:
        booking.pool === 'reserved'
          ? { ...view, freeReserved: view.freeReserved - 1 }
          : { ...view, freePublic: view.freePublic - 1 },
    };
  }

  async claimFreedSeat(sessionId: string, slotNumber: number, bookingId: string): Promise<boolean> {
    const rows = await queryNamed(
      this.db,
      `UPDATE seat SET booking_id = :bookingId
        WHERE session_id = :sessionId AND slot_number = :slotNumber AND booking_id IS NULL
        RETURNING slot_number`,
      { sessionId, slotNumber, bookingId },
    );
    return rows.length > 0;
  }

  async freeSeat(sessionId: string, slotNumber: number): Promise<Pool | null> {
    // The seat's pool as it is now: a reserve released meanwhile gives the seat back to the public.
    const [row] = await queryNamed<{ pool: Pool }>(
      this.db,
      `UPDATE seat SET booking_id = NULL WHERE session_id = :sessionId AND slot_number = :slotNumber
       RETURNING pool`,
      { sessionId, slotNumber },
    );
    return row?.pool ?? null;
  }

  async insert(booking: BookingSnapshot): Promise<void> {
    await mapUniqueViolations(
      () => this.db.insert(BookingOrmEntity, bookingToEntity(booking)),
      bookingConflicts,
    );
  }

  async update(booking: BookingSnapshot, readVersion: number): Promise<void> {
    const { id, ...row } = bookingToEntity(booking);
    const { affected } = await this.db.update(BookingOrmEntity, { id, version: readVersion }, row);
    if (affected !== 1) throw staleWrite('booking', id, readVersion);
  }

  async lockActiveInSession(sessionId: string): Promise<BookingSnapshot[]> {
    const rows = await this.db.find(BookingOrmEntity, {
      where: { sessionId, status: In(LIVE) },
      order: { slotNumber: 'ASC' },
      ...LOCKED,
    });
    return rows.map(bookingFromEntity);
  }

  async lockExpiredHolds(now: Date, limit: number): Promise<BookingSnapshot[]> {
    // SKIP LOCKED: a hold being confirmed or cancelled right now is not expired by the sweep.
    const rows = await this.db
      .createQueryBuilder(BookingOrmEntity, 'b')
      .where(`b.status = 'held'`)
      .andWhere('b.holdExpiresAt <= :now', { now })
      .orderBy('b.holdExpiresAt', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map(bookingFromEntity);
  }

  async lockActiveForReferral(referralId: string): Promise<BookingSnapshot | null> {
    const row = await this.db.findOne(BookingOrmEntity, {
      where: { referralId, status: In(LIVE) },
      ...LOCKED,
    });
    return row ? bookingFromEntity(row) : null;
  }

  async findEntry(id: string, lock: boolean): Promise<WaitlistEntrySnapshot | null> {
    const row = await this.db.findOne(WaitlistEntryOrmEntity, { where: { id }, ...(lock ? LOCKED : {}) });
    return row ? waitlistEntryFromEntity(row) : null;
  }

  hasWaiting(sessionId: string, patientResidentId: string): Promise<boolean> {
    return this.db.existsBy(WaitlistEntryOrmEntity, { sessionId, patientResidentId, status: 'waiting' });
  }

  async insertEntry(entry: WaitlistEntrySnapshot, clientRequestId: string): Promise<void> {
    await mapUniqueViolations(
      () => this.db.insert(WaitlistEntryOrmEntity, waitlistEntryToEntity(entry, clientRequestId)),
      {
        waitlist_entry_patient_uq: () =>
          new BookingError(
            BookingErrorCode.AlreadyWaiting,
            'the patient is already on this session’s waitlist',
            'claim.patientResidentId',
          ),
      },
    );
  }

  async updateEntry(entry: WaitlistEntrySnapshot, readVersion: number): Promise<void> {
    const { affected } = await this.db.update(
      WaitlistEntryOrmEntity,
      { id: entry.id, version: readVersion },
      waitlistEntryChangeToEntity(entry),
    );
    if (affected !== 1) throw staleWrite('waitlist entry', entry.id, readVersion);
  }

  async lockWaiting(sessionId: string): Promise<WaitlistEntrySnapshot[]> {
    const rows = await this.db
      .createQueryBuilder(WaitlistEntryOrmEntity, 'w')
      .where('w.sessionId = :sessionId', { sessionId })
      .andWhere(`w.status = 'waiting'`)
      // Not those who meanwhile hold a slot in this session, or whose referral holds one anywhere:
      // offering them a seat would break the one-live-booking indexes and abort the transaction.
      .andWhere(
        `NOT EXISTS (
           SELECT 1 FROM booking b
            WHERE b.status IN ('held', 'booked')
              AND ((b.session_id = w.session_id AND b.patient_resident_id = w.patient_resident_id)
                   OR (w.referral_id <> '' AND b.referral_id = w.referral_id)))`,
      )
      .orderBy('w.createdAt', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .setLock('pessimistic_write', undefined, ['w'])
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map(waitlistEntryFromEntity);
  }

  async lockWaitingForReferral(referralId: string): Promise<WaitlistEntrySnapshot[]> {
    // SKIP LOCKED: an entry locked meanwhile is being offered a seat by another transaction, which
    // then waits for the referral's hold (this transaction holds it) and leaves it be once it sees
    // the referral served or ended. Waiting for the entry instead could deadlock with that one.
    const rows = await this.db
      .createQueryBuilder(WaitlistEntryOrmEntity, 'w')
      .where('w.referralId = :referralId', { referralId })
      .andWhere(`w.status = 'waiting'`)
      .orderBy('w.id', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map(waitlistEntryFromEntity);
  }

  async positionOf(entry: WaitlistEntrySnapshot): Promise<number> {
    if (entry.status !== 'waiting') return 0;
    const rows = await this.db.find(WaitlistEntryOrmEntity, {
      where: { sessionId: entry.sessionId, status: 'waiting' },
    });
    const order = rows.map(waitlistEntryFromEntity).sort(compareWaiting);
    return order.findIndex((e) => e.id === entry.id) + 1;
  }
}

/** A write refused because the row moved on since `readVersion` was read. */
function staleWrite(what: string, id: string, readVersion: number): BookingError {
  return new BookingError(
    BookingErrorCode.VersionConflict,
    `the ${what} ${id} changed since it was read at version ${readVersion}; read it again`,
  );
}
