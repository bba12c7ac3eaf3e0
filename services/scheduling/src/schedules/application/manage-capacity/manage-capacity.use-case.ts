import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { addDays, isLocalDate, localDate } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { SeatKeeper } from '../../../booking/application/seat-keeper';
import { Booking } from '../../../booking/domain/booking';
import { BookingRepository } from '../../../booking/domain/booking.repository';
import { HospitalReserveRules } from '../../../capacity/application/hospital-reserve-rules';
import { type ReserveFloors } from '../../../capacity/domain/city-reserve-floor';
import {
  ReservePolicy,
  type ReservePolicySnapshot,
  type ReserveShare,
} from '../../../capacity/domain/reserve-policy';
import { type ReserveRatio } from '../../../capacity/domain/reserve-ratio';
import { RegistryView } from '@medgrid/registry-view';
import { ClientRequestLog } from '../../../shared/client-request-log';
import { SchedulingError, SchedulingErrorCode } from '../../../shared/scheduling-error';
import { SchedulingEvents } from '../../../shared/scheduling-events';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { ScheduleTemplate, type ScheduleTemplateSnapshot } from '../../domain/schedule-template';
import { type SessionSnapshot, type SessionView } from '../../domain/session';
import { daysBetween } from '../../domain/clinic-time';
import { takesNewReleaseLead } from '../../domain/release-lead';
import { initialSplit, reservedOfferedAfterResize, resizedSplit } from '../../domain/session-capacity';
import { departmentAt, knownHospital, managedHospital } from '../../../shared/managed-hospital';

const MAX_GENERATE_DAYS = 62;
/** Far enough to reach every session a template ever generated. */
const LAST_DATE = '9999-12-31';

export interface SetPolicyCommand {
  readonly clientRequestId: string;
  readonly institutionId: string;
  readonly slotRatio: ReserveRatio | undefined;
  readonly bedRatio: ReserveRatio | undefined;
  readonly releaseLeadHours: number;
  readonly overrideReason: string;
}

/** A hospital's reserve rule as it stands today. */
export interface ReservePolicyInForce {
  readonly policy: ReservePolicySnapshot;
  /** Null while the registry projection has not learnt the hospital's city. */
  readonly cityId: string | null;
  /** Its city's floors in force today (the deployment's default where the city set none). */
  readonly floors: ReserveFloors;
  /** What it reserves today: its ratios, or the floors where those are higher. */
  readonly share: ReserveShare;
}

/**
 * A hospital's capacity: reserve rule, templates, generated sessions,
 * closures and resizes. Every write is idempotent by client request id.
 */
@Injectable()
export class ManageCapacityUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly bookings: BookingRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequestLog,
    private readonly seats: SeatKeeper,
    private readonly events: SchedulingEvents,
    private readonly reserves: HospitalReserveRules,
  ) {}

  async policy(identity: Identity, institutionId: string, now = new Date()): Promise<ReservePolicyInForce> {
    new FieldChecks().uuid('institutionId', institutionId).throwIfAny();
    return this.uow.run(async () => {
      const hospital = await knownHospital(this.registry, institutionId);
      const reserve = await this.reserves.of(hospital);
      const today = localDate(now);
      return {
        policy: reserve.policyOn(today),
        cityId: reserve.cityId,
        floors: reserve.floorsOn(today),
        share: reserve.shareOn(today),
      };
    });
  }

  async setPolicy(
    identity: Identity,
    command: SetPolicyCommand,
    now = new Date(),
  ): Promise<ReservePolicySnapshot> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('institutionId', command.institutionId)
      .check('slotRatio', command.slotRatio !== undefined, 'REQUIRED', 'is required')
      .check('bedRatio', command.bedRatio !== undefined, 'REQUIRED', 'is required')
      .maxLength('overrideReason', command.overrideReason, 500)
      .throwIfAny();
    return this.uow.run(async () => {
      const hospital = await managedHospital(this.registry, identity, command.institutionId);
      const reserve = await this.reserves.of(hospital, true);
      const stored = reserve.ownPolicy;
      // A retry after the first answer (which stored the policy) gets that answer again.
      const retry = await this.requests.isRetryOn('set-policy', command.clientRequestId, hospital.id);
      if (retry && stored) return stored;
      // Judged against the floor of the hospital's city in force today.
      const rules = reserve.rulesOn(localDate(now));
      const policy = stored
        ? ReservePolicy.restore(stored)
        : ReservePolicy.cityDefault(hospital.id, hospital.groupId, rules);
      policy.change(
        {
          slotRatio: command.slotRatio!,
          bedRatio: command.bedRatio!,
          releaseLeadHours: command.releaseLeadHours,
          overrideReason: command.overrideReason,
          actorMayOverride: identity.role === 'city-operator',
          actor: identity.subject,
        },
        rules,
        now,
      );
      await this.schedules.savePolicy(policy.snapshot());
      // Only a new lead time moves releases (a ratio change leaves the sessions' locks alone).
      if (policy.snapshot().releaseLeadHours !== reserve.releaseLeadHours) {
        await this.moveUpcomingReleases(hospital.id, policy.snapshot().releaseLeadHours, now);
      }
      return policy.snapshot();
    });
  }

  /** A new release lead time reaches the hospital's open sessions whose release is still to come. */
  private async moveUpcomingReleases(institutionId: string, leadHours: number, now: Date): Promise<void> {
    const sessions = await this.schedules.lockSessionsBetween(institutionId, '', localDate(now), LAST_DATE);
    const moving = sessions.filter((session) => takesNewReleaseLead(session, leadHours, now));
    if (moving.length === 0) return;
    await this.schedules.setReleaseLead(
      moving.map((session) => session.id),
      leadHours,
    );
    for (const session of moving) {
      await this.events.sessionChanged(
        'release-rescheduled',
        (await this.schedules.viewSession(session.id))!,
      );
    }
  }

  async createTemplate(
    identity: Identity,
    clientRequestId: string,
    input: Omit<ScheduleTemplateSnapshot, 'id' | 'groupId' | 'specialtyCode'>,
    now = new Date(),
  ): Promise<ScheduleTemplateSnapshot> {
    const checks = new FieldChecks()
      .uuid('clientRequestId', clientRequestId)
      .uuid('template.institutionId', input.institutionId)
      .uuid('template.departmentId', input.departmentId);
    if (input.practitionerId) checks.uuid('template.practitionerId', input.practitionerId);
    checks.throwIfAny();
    return this.uow.run(async () => {
      const hospital = await managedHospital(
        this.registry,
        identity,
        input.institutionId,
        'template.institutionId',
      );
      const department = await departmentAt(
        this.registry,
        hospital,
        input.departmentId,
        'template.departmentId',
      );
      const id = uuidv7();
      const earlier = await this.requests.claim('create-template', clientRequestId, id);
      if (earlier) return (await this.schedules.findTemplate(earlier))!;
      const template = ScheduleTemplate.create(
        {
          ...input,
          id,
          institutionId: hospital.id,
          groupId: hospital.groupId,
          departmentId: department.id,
          specialtyCode: department.specialtyCode,
          practitionerId: input.practitionerId.toLowerCase(),
        },
        localDate(now),
      );
      await this.schedules.insertTemplate(template.snapshot());
      return template.snapshot();
    });
  }

  async listTemplates(identity: Identity, institutionId: string): Promise<ScheduleTemplateSnapshot[]> {
    new FieldChecks().uuid('institutionId', institutionId).throwIfAny();
    return this.uow.run(async () => {
      const hospital = await managedHospital(this.registry, identity, institutionId);
      return this.schedules.listTemplates(hospital.id);
    });
  }

  async generate(
    identity: Identity,
    command: { clientRequestId: string; institutionId: string; fromDate: string; toDate: string },
    now = new Date(),
  ): Promise<{ created: number; existing: number; overlapping: number }> {
    const checks = new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('institutionId', command.institutionId)
      .check('fromDate', isLocalDate(command.fromDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('toDate', isLocalDate(command.toDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD');
    if (isLocalDate(command.fromDate) && isLocalDate(command.toDate)) {
      const days = daysBetween(command.fromDate, command.toDate);
      checks.check('toDate', days >= 0, 'BEFORE_START', 'must not be before fromDate');
      checks.check(
        'toDate',
        days <= MAX_GENERATE_DAYS,
        'OUT_OF_RANGE',
        `must be within ${MAX_GENERATE_DAYS} days of fromDate`,
      );
    }
    checks.throwIfAny();
    return this.uow.run(async () => {
      const hospital = await managedHospital(this.registry, identity, command.institutionId);
      const reserve = await this.reserves.of(hospital);
      let created = 0;
      let existing = 0;
      let overlapping = 0;
      for (const template of (await this.schedules.listTemplates(hospital.id)).map((row) =>
        ScheduleTemplate.restore(row),
      )) {
        const t = template.snapshot();
        for (const planned of template.sessionsBetween(command.fromDate, command.toDate)) {
          if (planned.endsAt <= now) continue;
          // The share in force on the session's date: the city's floor may change from a date on.
          const split = initialSplit(planned.capacity, reserve.shareOn(planned.date).slotRatio);
          const session: SessionSnapshot = {
            id: uuidv7(),
            institutionId: t.institutionId,
            groupId: t.groupId,
            departmentId: t.departmentId,
            specialtyCode: t.specialtyCode,
            practitionerId: t.practitionerId,
            templateId: t.id,
            date: planned.date,
            startsAt: planned.startsAt,
            endsAt: planned.endsAt,
            status: 'open',
            capacity: planned.capacity,
            reservedOffered: split.reserved,
            reservedReleased: 0,
            releaseLeadHours: reserve.releaseLeadHours,
            changeReason: '',
            version: 1,
          };
          // A doctor's session moved onto this band keeps it: the planned one is not made beside it.
          if (t.practitionerId && (await this.doctorBusy(session))) {
            overlapping++;
            continue;
          }
          if (await this.schedules.insertSessionIfAbsent(session)) {
            created++;
            await this.events.sessionChanged('opened', {
              ...session,
              freeReserved: split.reserved,
              freePublic: split.public,
            });
          } else existing++;
        }
      }
      return { created, existing, overlapping };
    });
  }

  async cancelSessions(
    identity: Identity,
    command: {
      clientRequestId: string;
      institutionId: string;
      practitionerId: string;
      fromDate: string;
      toDate: string;
      reason: string;
    },
    now = new Date(),
  ): Promise<{ sessionsCancelled: number; bookingsCancelled: number }> {
    const checks = new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('institutionId', command.institutionId)
      .required('reason', command.reason)
      .maxLength('reason', command.reason, 200)
      .check('fromDate', isLocalDate(command.fromDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('toDate', isLocalDate(command.toDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD');
    if (command.practitionerId) checks.uuid('practitionerId', command.practitionerId);
    if (isLocalDate(command.fromDate) && isLocalDate(command.toDate)) {
      checks.check(
        'toDate',
        command.toDate >= command.fromDate,
        'BEFORE_START',
        'must not be before fromDate',
      );
      checks.check(
        'toDate',
        command.toDate <= addDays(command.fromDate, 366),
        'OUT_OF_RANGE',
        'must be within a year',
      );
    }
    checks.throwIfAny();
    return this.uow.run(async () => {
      const hospital = await managedHospital(this.registry, identity, command.institutionId);
      if (await this.requests.isRetryOn('cancel-sessions', command.clientRequestId, hospital.id)) {
        return { sessionsCancelled: 0, bookingsCancelled: 0 };
      }
      const sessions = await this.schedules.lockSessionsBetween(
        hospital.id,
        command.practitionerId.toLowerCase(),
        command.fromDate,
        command.toDate,
      );
      let bookingsCancelled = 0;
      for (const session of sessions) {
        const cancelled: SessionSnapshot = {
          ...session,
          status: 'cancelled',
          changeReason: command.reason.trim(),
          version: session.version + 1,
        };
        await this.schedules.saveSession(cancelled);
        // Dropping the seats waits for claims in flight, so no booking slips in after the closure.
        await this.schedules.dropSeats(session.id);
        const view: SessionView = { ...cancelled, freeReserved: 0, freePublic: 0 };
        for (const found of await this.bookings.lockActiveInSession(session.id)) {
          const booking = Booking.restore(found);
          booking.cancel(command.reason.trim(), now, 'session-cancelled');
          await this.bookings.update(booking.snapshot());
          await this.events.bookingsChanged(booking.pullEvents(), view);
          bookingsCancelled++;
          await this.seats.endReferralHold(booking.snapshot(), now);
        }
        await this.events.sessionChanged('cancelled', view);
      }
      return { sessionsCancelled: sessions.length, bookingsCancelled };
    });
  }

  async setCapacity(
    identity: Identity,
    command: { clientRequestId: string; sessionId: string; capacity: number },
    now = new Date(),
  ): Promise<SessionView> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('sessionId', command.sessionId)
      .check(
        'capacity',
        Number.isInteger(command.capacity) && command.capacity >= 0 && command.capacity <= 500,
        'OUT_OF_RANGE',
        'must be 0 to 500',
      )
      .throwIfAny();
    return this.uow.run(async () => {
      const session = await this.schedules.findSession(command.sessionId.toLowerCase(), true);
      if (!session)
        throw new SchedulingError(SchedulingErrorCode.NotFound, 'no session with this id', 'sessionId');
      const hospital = await managedHospital(this.registry, identity, session.institutionId);
      if (await this.requests.isRetryOn('set-capacity', command.clientRequestId, session.id)) {
        return (await this.schedules.viewSession(session.id))!;
      }
      if (session.status !== 'open' || now >= session.endsAt) {
        throw new SchedulingError(
          SchedulingErrorCode.SessionClosed,
          `the session is ${session.status === 'open' ? 'over' : session.status}`,
          'sessionId',
        );
      }
      const policy = (await this.reserves.of(hospital)).shareOn(session.date);
      const counts = await this.schedules.lockSeats(session.id);
      const reserveReleased =
        now >= new Date(session.startsAt.getTime() - session.releaseLeadHours * 3_600_000);
      const split = resizedSplit(counts, command.capacity, policy.slotRatio, reserveReleased);
      await this.schedules.resizeSeats(session.id, split);
      const resized: SessionSnapshot = {
        ...session,
        capacity: command.capacity,
        reservedOffered: reservedOfferedAfterResize(session.reservedOffered, split, reserveReleased),
        version: session.version + 1,
      };
      await this.schedules.saveSession(resized);
      await this.seats.offerToWaitlist(resized, await this.schedules.freePublicSeats(session.id), now);
      const view = (await this.schedules.viewSession(session.id))!;
      await this.events.sessionChanged('resized', view);
      return view;
    });
  }

  /** Whether the doctor already has another open session in the planned one's band (under their diary lock). */
  private async doctorBusy(planned: SessionSnapshot): Promise<boolean> {
    const others = await this.schedules.lockDoctorOverlaps({
      ...planned,
      exceptId: planned.id,
      exceptPlanned: { templateId: planned.templateId!, date: planned.date },
    });
    return others.length > 0;
  }
}
