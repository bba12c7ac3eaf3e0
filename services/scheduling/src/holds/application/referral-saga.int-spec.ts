import { Test, type TestingModule } from '@nestjs/testing';
import { type Identity } from '@medgrid/auth';
import { SlotHoldChangedEvent, schedulingV1 } from '@medgrid/contracts';
import { DatabaseModule } from '@medgrid/database';
import { AppError } from '@medgrid/errors';
import { addDays, localDate } from '@medgrid/kernel';
import { LoggingModule } from '@medgrid/logging';
import { decodeEnvelope, decodePayload, OutboxWriter } from '@medgrid/messaging';
import { SERVICE_CONFIG } from '@medgrid/service';
import { aResidentId, anIdentity, TestDatabase } from '@medgrid/testing';
import { Global, Module } from '@nestjs/common';
import fc from 'fast-check';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CancelBookingCommand } from '../../booking/application/cancel-booking/cancel-booking.command';
import { CancelBookingUseCase } from '../../booking/application/cancel-booking/cancel-booking.use-case';
import { ClaimSlotCommand } from '../../booking/application/claim-slot/claim-slot.command';
import { ClaimSlotUseCase } from '../../booking/application/claim-slot/claim-slot.use-case';
import { BookingError } from '../../booking/domain/booking-error';
import { ExpireHoldsUseCase } from '../../booking/application/expire-holds/expire-holds.use-case';
import { JoinWaitlistCommand } from '../../booking/application/join-waitlist/join-waitlist.command';
import { JoinWaitlistUseCase } from '../../booking/application/join-waitlist/join-waitlist.use-case';
import { loadSchedulingConfig } from '../../config/scheduling.config';
import { schedulingDataSource } from '../../database/scheduling-data-source';
import { SchedulingModule } from '../../scheduling.module';
import { ScheduleRepository } from '../../schedules/domain/schedule.repository';
import { UnitOfWork } from '@medgrid/database';
import { HoldSlotForReferralCommand } from './hold-slot-for-referral/hold-slot-for-referral.command';
import { HoldSlotForReferralUseCase } from './hold-slot-for-referral/hold-slot-for-referral.use-case';
import { type ReferralFacts } from './referral-facts';
import { ReleaseReferralHoldCommand } from './release-referral-hold/release-referral-hold.command';
import { ReleaseReferralHoldUseCase } from './release-referral-hold/release-referral-hold.use-case';
import { RequestSlotHoldCommand } from './request-slot-hold/request-slot-hold.command';
import { RequestSlotHoldUseCase } from './request-slot-hold/request-slot-hold.use-case';

/** Seeds of the other patients who fill sessions, counted apart from the referral patients' (1 to 20,000). */
let nextOtherPatient = 30_000;

/**
 * The referral saga against every order in which its messages (submitted,
 * accepted, cancelled or expired, in the order referral sends them) can meet
 * what partners do directly with the same referral (book or hold a slot, join
 * a waitlist, cancel the slot) and what happens around it (other patients
 * fill and free the sessions, holds run out). Real PostgreSQL; each run is a
 * fresh hospital, so runs share the database but nothing else.
 */
describe('referral saga interleavings', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let requestSlotHold: RequestSlotHoldUseCase;
  let holdSlot: HoldSlotForReferralUseCase;
  let releaseHold: ReleaseReferralHoldUseCase;
  let claims: ClaimSlotUseCase;
  let cancellations: CancelBookingUseCase;
  let waitlists: JoinWaitlistUseCase;
  let expiry: ExpireHoldsUseCase;
  let schedules: ScheduleRepository;
  let uow: UnitOfWork;

  beforeAll(async () => {
    database = await TestDatabase.create('referral_saga');
    const config = loadSchedulingConfig({ DATABASE_URL: database.url, AUTH_PUBLIC_KEY_FILE: '/dev/null' });

    @Global()
    @Module({
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        {
          provide: OutboxWriter,
          useFactory: (unit: UnitOfWork) => new OutboxWriter(unit, 'scheduling'),
          inject: [UnitOfWork],
        },
      ],
      exports: [SERVICE_CONFIG, OutboxWriter],
    })
    class TestPlatformModule {}

    moduleRef = await Test.createTestingModule({
      imports: [
        DatabaseModule.forRoot(() => schedulingDataSource(database.url, 4)),
        TestPlatformModule,
        LoggingModule.forRoot(pino({ level: 'silent' })),
        SchedulingModule,
      ],
    }).compile();
    dataSource = moduleRef.get(DataSource);
    await dataSource.runMigrations();
    requestSlotHold = moduleRef.get(RequestSlotHoldUseCase);
    holdSlot = moduleRef.get(HoldSlotForReferralUseCase);
    releaseHold = moduleRef.get(ReleaseReferralHoldUseCase);
    claims = moduleRef.get(ClaimSlotUseCase);
    cancellations = moduleRef.get(CancelBookingUseCase);
    waitlists = moduleRef.get(JoinWaitlistUseCase);
    expiry = moduleRef.get(ExpireHoldsUseCase);
    schedules = moduleRef.get(ScheduleRepository);
    uow = moduleRef.get(UnitOfWork);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  /** Refusals a partner may get for a direct call; anything else is a defect. */
  const EXPECTED_REFUSALS = new Set([
    'SOLD_OUT',
    'REFERRAL_UNKNOWN',
    'REFERRAL_HOLD_ENDED',
    'REFERRAL_ALREADY_HOLDS',
    'ALREADY_BOOKED_IN_SESSION',
    'SESSION_HAS_FREE_SLOTS',
    'ALREADY_WAITING',
  ]);

  type DirectOp =
    | { kind: 'book' | 'hold' | 'join'; session: 0 | 1 }
    | { kind: 'fill' | 'free-one'; session: 0 | 1 }
    | { kind: 'cancel-slot' }
    | { kind: 'time-passes' };
  type Step = DirectOp | { kind: 'submitted' | 'accepted' | 'cancelled' | 'expired' };

  const session = fc.constantFrom<0 | 1>(0, 1);
  const directOp: fc.Arbitrary<DirectOp> = fc.oneof(
    fc.record({ kind: fc.constantFrom('book' as const, 'hold' as const, 'join' as const), session }),
    fc.record({ kind: fc.constantFrom('fill' as const, 'free-one' as const), session }),
    fc.constant({ kind: 'cancel-slot' as const }),
    fc.constant({ kind: 'time-passes' as const }),
  );
  /** Direct calls with the referral's messages spliced in, in the order referral sends them. */
  const scenario: fc.Arbitrary<Step[]> = fc
    .record({
      direct: fc.array(directOp, { maxLength: 8 }),
      accepted: fc.boolean(),
      ending: fc.constantFrom('none', 'cancelled', 'expired'),
      at: fc.array(fc.nat(8), { minLength: 3, maxLength: 3 }),
    })
    .map(({ direct, accepted, ending, at }) => {
      const messages: Step[] = [{ kind: 'submitted' }];
      if (accepted) messages.push({ kind: 'accepted' });
      if (ending !== 'none') messages.push({ kind: ending });
      const positions = at.slice(0, messages.length).sort((a, b) => a - b);
      const steps: Step[] = [...direct];
      // In order: each message lands after the ones spliced in before it.
      messages.forEach((message, i) => steps.splice(Math.min(positions[i]!, direct.length) + i, 0, message));
      return steps;
    });

  class Run {
    readonly hospitalId = uuidv7();
    readonly groupId = uuidv7();
    readonly departmentId = uuidv7();
    readonly centreId = uuidv7();
    readonly referralId = uuidv7();
    readonly patient = aResidentId(1 + Math.floor(Math.random() * 20_000));
    readonly sessions: string[] = [];
    readonly centre: Identity = anIdentity({
      role: 'primary-staff',
      institutionId: this.centreId,
      groupId: this.groupId,
    });
    readonly hospital: Identity = anIdentity({
      role: 'hospital-staff',
      institutionId: this.hospitalId,
      groupId: this.groupId,
    });
    clock = new Date();
    submitted = false;
    accepted = false;
    ended = false;
    private others = 0;

    facts(referralId: string, patientResidentId: string): ReferralFacts {
      return {
        referralId,
        groupId: this.groupId,
        institutionId: this.hospitalId,
        referringInstitutionId: this.centreId,
        sourceEventId: uuidv7(),
        patientResidentId,
        departmentId: this.departmentId,
        specialtyCode: 'cardiology',
        contractedPriority: false,
        greenChannel: false,
      };
    }

    async open(): Promise<void> {
      for (const days of [2, 3]) {
        const date = addDays(localDate(this.clock), days);
        const startsAt = new Date(`${date}T01:00:00Z`);
        const id = uuidv7();
        await uow.run(() =>
          schedules.insertSessionIfAbsent({
            id,
            institutionId: this.hospitalId,
            groupId: this.groupId,
            departmentId: this.departmentId,
            specialtyCode: 'cardiology',
            practitionerId: uuidv7(),
            templateId: null,
            date,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
            status: 'open',
            capacity: 2,
            reservedOffered: 1,
            reservedReleased: 0,
            releaseLeadHours: 24,
            changeReason: '',
            version: 1,
          }),
        );
        this.sessions.push(id);
      }
    }

    async step(step: Step): Promise<void> {
      this.clock = new Date(this.clock.getTime() + 60_000);
      const now = this.clock;
      switch (step.kind) {
        case 'submitted':
          this.submitted = true;
          return requestSlotHold.execute(
            RequestSlotHoldCommand.create(this.facts(this.referralId, this.patient)),
            now,
          );
        case 'accepted':
          this.accepted = true;
          return holdSlot.execute(
            HoldSlotForReferralCommand.create(this.facts(this.referralId, this.patient)),
            now,
          );
        case 'cancelled':
        case 'expired':
          this.ended = true;
          return releaseHold.execute(
            ReleaseReferralHoldCommand.create(
              this.facts(this.referralId, this.patient),
              step.kind === 'expired' ? 'referral expired' : 'withdrawn',
            ),
            now,
          );
        case 'book':
        case 'hold':
          return this.direct(() =>
            claims.execute(
              this.centre,
              ClaimSlotCommand.create(
                step.kind as 'book' | 'hold',
                {
                  clientRequestId: uuidv7(),
                  sessionId: this.sessions[step.session]!,
                  patientResidentId: this.patient,
                  pool: undefined,
                  referralId: this.referralId,
                  holdMinutes: 0,
                },
                now,
              ),
              now,
            ),
          );
        case 'join':
          return this.direct(() =>
            waitlists.execute(
              this.centre,
              JoinWaitlistCommand.create(
                {
                  clientRequestId: uuidv7(),
                  sessionId: this.sessions[step.session]!,
                  patientResidentId: this.patient,
                  referralId: this.referralId,
                },
                now,
              ),
              now,
            ),
          );
        case 'cancel-slot': {
          const live = await this.liveBookingOfReferral();
          if (!live) return;
          return this.direct(() =>
            cancellations.execute(
              this.centre,
              CancelBookingCommand.create({
                clientRequestId: uuidv7(),
                bookingId: live.id,
                reason: 'patient cannot come',
              }),
              now,
            ),
          );
        }
        case 'fill':
          return this.fill(this.sessions[step.session]!, now);
        case 'free-one': {
          const [other] = await dataSource.query<{ id: string }[]>(
            `SELECT id FROM booking WHERE session_id = $1 AND referral_id <> $2 AND status IN ('held', 'booked')
              ORDER BY created_at, id LIMIT 1`,
            [this.sessions[step.session], this.referralId],
          );
          if (other) {
            const command = CancelBookingCommand.create({
              clientRequestId: uuidv7(),
              bookingId: other.id,
              reason: 'changed plans',
            });
            await cancellations.execute(this.hospital, command, now);
          }
          return;
        }
        case 'time-passes':
          // Past a direct hold's default minutes: holds that ran out give their slot back.
          this.clock = new Date(this.clock.getTime() + 61 * 60_000);
          await expiry.execute(this.clock);
          return;
      }
    }

    /** Other patients, each with a referral of their own, take every free seat of the session. */
    private async fill(sessionId: string, now: Date): Promise<void> {
      for (;;) {
        // A patient new to the whole test (random ones collided now and then: the same patient twice in one session).
        const other = aResidentId(nextOtherPatient++);
        const referralId = uuidv7();
        await requestSlotHold.execute(RequestSlotHoldCommand.create(this.facts(referralId, other)), now);
        try {
          const command = ClaimSlotCommand.create(
            'book',
            {
              clientRequestId: uuidv7(),
              sessionId,
              patientResidentId: other,
              pool: undefined,
              referralId,
              holdMinutes: 0,
            },
            now,
          );
          await claims.execute(this.centre, command, now);
          this.others += 1;
        } catch (error) {
          if (error instanceof BookingError && error.code === 'SOLD_OUT') return;
          throw error;
        }
      }
    }

    private async direct(call: () => Promise<unknown>): Promise<void> {
      try {
        await call();
      } catch (error) {
        if (error instanceof AppError && EXPECTED_REFUSALS.has(error.code)) return;
        throw error;
      }
    }

    async liveBookingOfReferral(): Promise<{ id: string } | undefined> {
      const live = await dataSource.query<{ id: string }[]>(
        `SELECT id FROM booking WHERE referral_id = $1 AND status IN ('held', 'booked')`,
        [this.referralId],
      );
      expect(live.length).toBeLessThanOrEqual(1);
      return live[0];
    }

    /** What must hold whatever the order. */
    async checkInvariants(): Promise<void> {
      const live = await this.liveBookingOfReferral();
      const [hold] = await dataSource.query<{ status: string; booking_id: string }[]>(
        `SELECT status, booking_id FROM slot_hold_request WHERE referral_id = $1`,
        [this.referralId],
      );
      const waiting = await dataSource.query<{ id: string }[]>(
        `SELECT id FROM waitlist_entry WHERE referral_id = $1 AND status = 'waiting'`,
        [this.referralId],
      );
      // Every taken seat is a live booking's, and every live booking has its seat.
      const [seats] = await dataSource.query<{ orphans: number; unseated: number }[]>(
        `SELECT (SELECT count(*)::int FROM seat s WHERE s.session_id = ANY($1) AND s.booking_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.id = s.booking_id
                                   AND b.status IN ('held', 'booked'))) AS orphans,
                (SELECT count(*)::int FROM booking b WHERE b.session_id = ANY($1) AND b.status IN ('held', 'booked')
                  AND NOT EXISTS (SELECT 1 FROM seat s WHERE s.booking_id = b.id)) AS unseated`,
        [this.sessions],
      );
      expect(seats).toEqual({ orphans: 0, unseated: 0 });
      if (!this.submitted) {
        expect(hold).toBeUndefined();
        expect(live).toBeUndefined();
        return;
      }
      if (this.ended) {
        // A cancelled or expired referral holds nothing and waits nowhere.
        expect({ status: hold?.status, live, waiting }).toEqual({
          status: 'released',
          live: undefined,
          waiting: [],
        });
        return;
      }
      if (!this.accepted) {
        expect(hold?.status).toBe('requested');
        return;
      }
      // Accepted: the saga always answers, and a slot the referral holds is the answer.
      expect(hold?.status).not.toBe('requested');
      if (live) {
        expect({ status: hold?.status, bookingId: hold?.booking_id, waiting }).toEqual({
          status: 'held',
          bookingId: live.id,
          waiting: [],
        });
        expect(await this.lastHeldAnnounced()).toBe(live.id);
      }
      if (hold?.status === 'held') expect(live?.id).toBe(hold.booking_id);
      if (hold?.status === 'waitlisted') expect(waiting).toHaveLength(1);
    }

    /** The booking of the last SlotHoldChanged (HELD) scheduling announced for the referral: what referral schedules. */
    private async lastHeldAnnounced(): Promise<string | null> {
      const rows = await dataSource.query<{ envelope: Buffer }[]>(
        `SELECT envelope FROM outbox WHERE message_key = $1 AND event_type = $2 ORDER BY seq`,
        [this.referralId, SlotHoldChangedEvent.type],
      );
      let held: string | null = null;
      for (const row of rows) {
        const request = decodePayload(SlotHoldChangedEvent, decodeEnvelope(row.envelope)).holdRequest;
        if (request?.status === schedulingV1.SlotHoldRequestStatus.SLOT_HOLD_REQUEST_STATUS_HELD)
          held = request.bookingId;
      }
      return held;
    }
  }

  it('never strands an accepted referral, never double-books it, and never keeps a slot for a cancelled one', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (steps) => {
        const run = new Run();
        await run.open();
        for (const step of steps) {
          await run.step(step);
          await run.checkInvariants();
        }
      }),
      {
        numRuns: Number(process.env.SAGA_PROPERTY_RUNS ?? 300),
        seed: Number(process.env.SAGA_PROPERTY_SEED ?? 20261204),
      },
    );
  });

  it('answers an acceptance with the slot the referrer booked before it (the booking-rush path)', async () => {
    const run = new Run();
    await run.open();
    await run.step({ kind: 'submitted' });
    await run.step({ kind: 'book', session: 0 });
    const booked = await run.liveBookingOfReferral();

    await run.step({ kind: 'accepted' });

    const [hold] = await dataSource.query<{ status: string; booking_id: string }[]>(
      `SELECT status, booking_id FROM slot_hold_request WHERE referral_id = $1`,
      [run.referralId],
    );
    expect(hold).toEqual({ status: 'held', booking_id: booked!.id });
    await run.checkInvariants();
  });

  it('refuses a waitlist place for a referral that already holds a slot', async () => {
    const run = new Run();
    await run.open();
    await run.step({ kind: 'submitted' });
    await run.step({ kind: 'accepted' });
    await run.step({ kind: 'fill', session: 1 });

    await expect(
      waitlists.execute(
        run.centre,
        JoinWaitlistCommand.create({
          clientRequestId: uuidv7(),
          sessionId: run.sessions[1]!,
          patientResidentId: run.patient,
          referralId: run.referralId,
        }),
      ),
    ).rejects.toMatchObject({ code: 'REFERRAL_ALREADY_HOLDS' });
    await run.checkInvariants();
  });
});
