import { type PoolCounts } from './session-capacity';
import { type ScheduleTemplateSnapshot } from './schedule-template';
import { type SessionSnapshot, type SessionView } from './session';

export interface AvailabilityQuery {
  readonly institutionId: string;
  readonly departmentId: string;
  readonly practitionerId: string;
  readonly specialtyCode: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly pool: 'reserved' | 'public' | null;
  readonly after: { startsAt: Date; id: string } | null;
  readonly limit: number;
  readonly now: Date;
}

/** Templates and sessions with their seats (all SQL lives in the adapter). */
export abstract class ScheduleRepository {
  abstract insertTemplate(template: ScheduleTemplateSnapshot): Promise<void>;
  abstract findTemplate(id: string): Promise<ScheduleTemplateSnapshot | null>;
  abstract listTemplates(institutionId: string): Promise<ScheduleTemplateSnapshot[]>;
  /**
   * Inserts the session and its seats unless the template already planned one that date (a session
   * moved away from its date still counts for the date it was planned on).
   */
  abstract insertSessionIfAbsent(session: SessionSnapshot): Promise<boolean>;
  abstract findSession(id: string, lock: boolean): Promise<SessionSnapshot | null>;
  abstract viewSession(id: string): Promise<SessionView | null>;
  abstract searchAvailability(query: AvailabilityQuery): Promise<SessionView[]>;
  /**
   * Stores a changed session if it is still at `readVersion`, the version this transaction read
   * (else VERSION_CONFLICT).
   */
  abstract saveSession(session: SessionSnapshot, readVersion: number): Promise<void>;
  /** Open sessions of a hospital (or one doctor) on [from, to], locked. */
  abstract lockSessionsBetween(
    institutionId: string,
    practitionerId: string,
    from: string,
    to: string,
  ): Promise<SessionSnapshot[]>;
  /**
   * Open sessions of the doctor at the hospital whose band overlaps [startsAt, endsAt), other than
   * `exceptId`. Waits for any other transaction doing the same for this doctor, so two moves onto
   * one band cannot both find it free.
   */
  abstract lockDoctorOverlaps(q: {
    institutionId: string;
    practitionerId: string;
    date: string;
    startsAt: Date;
    endsAt: Date;
    exceptId: string;
    /** Also leaves out the session a template planned for that date (generating finds it as existing). */
    exceptPlanned?: { templateId: string; date: string };
  }): Promise<SessionSnapshot[]>;
  /** Locks every seat of the session (waits for claims in flight) and counts them. */
  abstract lockSeats(sessionId: string): Promise<PoolCounts>;
  /** Drops every seat of a cancelled session, returning the bookings that held one. */
  abstract dropSeats(sessionId: string): Promise<string[]>;
  /**
   * Sets the release lead time of the given sessions (their release time follows from their start)
   * and counts the change in their version.
   */
  abstract setReleaseLead(sessionIds: readonly string[], leadHours: number): Promise<void>;
  /** Rebuilds free seats to the new split (taken seats stay). */
  abstract resizeSeats(sessionId: string, split: { reserved: number; public: number }): Promise<void>;
  /** The earliest open session (full or not) matching a referral, for its waitlist. */
  abstract earliestOpenSession(q: {
    institutionId: string;
    departmentId: string;
    specialtyCode: string;
    toDate: string;
    now: Date;
  }): Promise<string | null>;
  /** Free public seats of a session, for offering to its waitlist. */
  abstract freePublicSeats(sessionId: string): Promise<{ slotNumber: number; pool: 'public' }[]>;
  /** Moves free reserved seats of sessions whose release is due to the public pool; per session count. */
  abstract releaseDueReserve(now: Date, limit: number): Promise<{ sessionId: string; released: number }[]>;
}
