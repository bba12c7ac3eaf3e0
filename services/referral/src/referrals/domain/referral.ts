import { type ReferralActor, SYSTEM_ACTOR } from './referral-actor';
import {
  type GreenChannel,
  type ReferralSlot,
  type ResultReference,
  type TreatmentPlan,
} from './referral-content';
import { type ReferralDirection } from './referral-direction';
import { ReferralError, ReferralErrorCode } from './referral-error';
import { type ReferralDomainEvent } from './referral-events';
import { type ReferralAction, type ReferralHistoryEntry } from './referral-history';
import { isTerminal, type LifecycleAction, transition } from './referral-lifecycle';
import { EXPIRABLE_UPWARD_STATES, OPEN_UPWARD_STATES, type ReferralStatus } from './referral-status';

export interface ReferralSnapshot {
  readonly id: string;
  readonly groupId: string;
  readonly clientRequestId: string;
  readonly patientResidentId: string;
  readonly referringInstitutionId: string;
  /** Empty on an upward draft that is still to be routed. */
  readonly receivingInstitutionId: string;
  readonly receivingDepartmentId: string;
  readonly specialtyCode: string;
  readonly direction: ReferralDirection;
  readonly status: ReferralStatus;
  readonly icd10Code: string;
  readonly reason: string;
  readonly indicationCodes: readonly string[];
  readonly matchedIndicationCodes: readonly string[];
  /** Sent on the written justification alone (no catalogued indication, or stability unconfirmed). */
  readonly withoutIndication: boolean;
  readonly justification: string;
  readonly greenChannel: GreenChannel;
  /** 一免三优先: a contracted resident referred by their own family-doctor team's institution. */
  readonly contractedPriority: boolean;
  readonly results: readonly ResultReference[];
  readonly treatmentPlan: TreatmentPlan | null;
  readonly metCriteriaCodes: readonly string[];
  /** Downward: the upward referral whose loop this one closes; empty if none. */
  readonly upwardReferralId: string;
  readonly dueAt: Date | null;
  readonly deadlineBreachedAt: Date | null;
  readonly slot: ReferralSlot | null;
  readonly submittedAt: Date | null;
  readonly acceptedAt: Date | null;
  readonly arrivedAt: Date | null;
  readonly closedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Why it was declined or cancelled. */
  readonly outcomeReason: string;
  readonly followUpCount: number;
  readonly version: number;
}

/** What every new referral is written with, whichever way it goes. */
type NewReferral = Pick<
  ReferralSnapshot,
  | 'id'
  | 'groupId'
  | 'clientRequestId'
  | 'patientResidentId'
  | 'referringInstitutionId'
  | 'receivingInstitutionId'
  | 'icd10Code'
  | 'reason'
  | 'justification'
  | 'results'
>;

/** What a partner writes when it creates an upward referral. */
export type NewUpwardReferral = NewReferral &
  Pick<ReferralSnapshot, 'receivingDepartmentId' | 'specialtyCode' | 'indicationCodes'>;

/** What submission settles: where the referral goes and what the catalogue found. */
export interface SubmissionAssessment {
  readonly receivingInstitutionId: string;
  readonly receivingDepartmentId: string;
  readonly specialtyCode: string;
  readonly matchedIndicationCodes: readonly string[];
  readonly withoutIndication: boolean;
  readonly greenChannel: GreenChannel;
  readonly contractedPriority: boolean;
  /** The chest-pain or stroke centre's department at the receiving hospital, for the green channel. */
  readonly centreDepartmentId: string;
}

/** What a hospital writes when it sends a patient back down, after the catalogue's check. */
export type NewDownwardReferral = NewReferral &
  Pick<ReferralSnapshot, 'metCriteriaCodes' | 'withoutIndication' | 'upwardReferralId'> & {
    readonly treatmentPlan: TreatmentPlan;
  };

/** Policy numbers of the referral context (docs/domain.md); configurable, these are the defaults. */
export interface ReferralRules {
  /** The receiving hospital completes the referred visit within this many hours of submission. */
  readonly deadlineHours: number;
  /** An upward referral whose patient has not arrived this many days after submission expires. */
  readonly expiryDays: number;
}

export const DEFAULT_REFERRAL_RULES: ReferralRules = { deadlineHours: 48, expiryDays: 14 };

const HOUR_MS = 3_600_000;

/** Past its 48-hour deadline with the referred visit not completed. */
export function isOverdue(referral: ReferralSnapshot, now: Date): boolean {
  return (
    referral.direction === 'upward' &&
    referral.dueAt !== null &&
    now.getTime() > referral.dueAt.getTime() &&
    OPEN_UPWARD_STATES.includes(referral.status)
  );
}

/** Referrals submitted at or before this instant have waited out the expiry period. */
export function expiryCutoff(now: Date, rules: ReferralRules): Date {
  return new Date(now.getTime() - rules.expiryDays * 24 * HOUR_MS);
}

/** Submitted so long ago that the patient will not come any more. */
export function isExpiredAt(referral: ReferralSnapshot, now: Date, rules: ReferralRules): boolean {
  return (
    referral.direction === 'upward' &&
    referral.submittedAt !== null &&
    EXPIRABLE_UPWARD_STATES.includes(referral.status) &&
    referral.submittedAt <= expiryCutoff(now, rules)
  );
}

/** What a caller's step carries besides its actor: its request id, so a retry is recognised. */
export interface StepRequest {
  readonly clientRequestId?: string | null;
}

/** A step that carries the caller's free text into the history (complete, close, accept, ...). */
export interface NotedStepRequest extends StepRequest {
  readonly note?: string;
}

/**
 * What a step may change besides the status and its bookkeeping (closedAt, updatedAt, version).
 * The referral's identity (id, group, request id, patient, referrer, direction, creation) is
 * fixed when it is drafted or issued.
 */
type StepChanges = Partial<
  Pick<
    ReferralSnapshot,
    | 'receivingInstitutionId'
    | 'receivingDepartmentId'
    | 'specialtyCode'
    | 'matchedIndicationCodes'
    | 'withoutIndication'
    | 'greenChannel'
    | 'contractedPriority'
    | 'submittedAt'
    | 'dueAt'
    | 'acceptedAt'
    | 'arrivedAt'
    | 'outcomeReason'
    | 'slot'
    | 'followUpCount'
    | 'deadlineBreachedAt'
  >
>;

/** How a step is written into the history. */
interface Recorded {
  readonly note: string;
  readonly clientRequestId: string | null;
}

const recorded = (request: NotedStepRequest = {}): Recorded => ({
  note: request.note ?? '',
  clientRequestId: request.clientRequestId ?? null,
});

/**
 * A referral of one resident between two institutions of a group. Every
 * intent method checks the lifecycle, changes the state and records one
 * history entry with its event; persistence reads the snapshot and the
 * recorded entries.
 */
export class Referral {
  private events: ReferralDomainEvent[] = [];
  private entries: ReferralHistoryEntry[] = [];

  private constructor(private state: ReferralSnapshot) {}

  /** An upward referral, written but not sent. */
  static draft(input: NewUpwardReferral, actor: ReferralActor, now: Date): Referral {
    if (input.receivingInstitutionId !== '') requireTwoInstitutions(input);
    const referral = new Referral({
      ...blank(input, now),
      receivingDepartmentId: input.receivingDepartmentId,
      specialtyCode: input.specialtyCode,
      indicationCodes: input.indicationCodes,
      direction: 'upward',
      status: 'draft',
    });
    referral.record('draft', null, actor, now, recorded({ clientRequestId: input.clientRequestId }));
    return referral;
  }

  /** A downward referral, issued with its treatment plan (下转). */
  static issue(input: NewDownwardReferral, actor: ReferralActor, now: Date): Referral {
    requireTwoInstitutions(input);
    const referral = new Referral({
      ...blank(input, now),
      metCriteriaCodes: input.metCriteriaCodes,
      withoutIndication: input.withoutIndication,
      upwardReferralId: input.upwardReferralId,
      treatmentPlan: input.treatmentPlan,
      direction: 'downward',
      status: 'issued',
      submittedAt: now,
    });
    referral.record('issue', null, actor, now, recorded({ clientRequestId: input.clientRequestId }));
    return referral;
  }

  static restore(snapshot: ReferralSnapshot): Referral {
    return new Referral(snapshot);
  }

  snapshot(): ReferralSnapshot {
    return { ...this.state };
  }

  get id(): string {
    return this.state.id;
  }

  get status(): ReferralStatus {
    return this.state.status;
  }

  /** Events recorded since the last pull, oldest first. */
  pullEvents(): ReferralDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** History entries recorded since the last pull, oldest first. */
  pullHistory(): ReferralHistoryEntry[] {
    const entries = this.entries;
    this.entries = [];
    return entries;
  }

  /**
   * Sends a draft: routed and assessed by the caller against the catalogue.
   * The 48-hour clock starts now. A green-channel referral skips review: it is
   * accepted at once and the receiving hospital's centre is told.
   */
  submit(
    assessment: SubmissionAssessment,
    rules: ReferralRules,
    actor: ReferralActor,
    now: Date,
    request: NotedStepRequest = {},
  ): void {
    requireTwoInstitutions({ ...this.state, receivingInstitutionId: assessment.receivingInstitutionId });
    this.step('submit', actor, now, recorded(request), {
      receivingInstitutionId: assessment.receivingInstitutionId,
      receivingDepartmentId: assessment.receivingDepartmentId,
      specialtyCode: assessment.specialtyCode,
      matchedIndicationCodes: assessment.matchedIndicationCodes,
      withoutIndication: assessment.withoutIndication,
      greenChannel: assessment.greenChannel,
      contractedPriority: assessment.contractedPriority,
      submittedAt: now,
      dueAt: new Date(now.getTime() + rules.deadlineHours * HOUR_MS),
    });
    if (assessment.greenChannel === 'none') return;
    this.step(
      'accept',
      SYSTEM_ACTOR,
      now,
      recorded({ note: `green channel (${assessment.greenChannel}): accepted without review` }),
      { acceptedAt: now },
    );
    this.events.push({
      kind: 'green-channel-activated',
      referral: this.snapshot(),
      channel: assessment.greenChannel,
      centreDepartmentId: assessment.centreDepartmentId,
    });
  }

  accept(actor: ReferralActor, now: Date, request: NotedStepRequest = {}): void {
    this.step('accept', actor, now, recorded(request), { acceptedAt: now });
  }

  decline(actor: ReferralActor, reason: string, now: Date, request: StepRequest = {}): void {
    const why = requireText(reason, 'reason', 'a declined referral needs its reason');
    this.step('decline', actor, now, recorded({ clientRequestId: request.clientRequestId, note: why }), {
      outcomeReason: why,
      slot: null,
    });
  }

  cancel(actor: ReferralActor, reason: string, now: Date, request: StepRequest = {}): void {
    const why = requireText(reason, 'reason', 'a cancelled referral needs its reason');
    this.step('cancel', actor, now, recorded({ clientRequestId: request.clientRequestId, note: why }), {
      outcomeReason: why,
      slot: null,
    });
  }

  /** The patient never came: scheduling gives back the slot. */
  expire(now: Date): void {
    this.step('expire', SYSTEM_ACTOR, now, recorded({ note: 'the patient did not arrive in time' }), {
      slot: null,
    });
  }

  arrive(actor: ReferralActor, now: Date, request: NotedStepRequest = {}): void {
    this.step('arrive', actor, now, recorded(request), { arrivedAt: now });
  }

  complete(actor: ReferralActor, now: Date, request: NotedStepRequest = {}): void {
    this.step('complete', actor, now, recorded(request), {});
  }

  /**
   * Scheduling holds a slot. Only an accepted referral takes it; a replay or a
   * hold for a referral that moved on meanwhile changes nothing (scheduling
   * releases holds of cancelled referrals on its own).
   */
  schedule(slot: Omit<ReferralSlot, 'waitlisted'>, now: Date): boolean {
    if (this.state.status !== 'accepted') return false;
    this.step('schedule', SYSTEM_ACTOR, now, recorded({ note: `slot held in the ${slot.pool} pool` }), {
      slot: { bookingId: slot.bookingId, sessionId: slot.sessionId, pool: slot.pool, waitlisted: false },
    });
    return true;
  }

  /** No free slot: the referral waits on a session's waitlist, and the referrer is told. */
  noteWaitlisted(sessionId: string, now: Date): boolean {
    if (this.state.status !== 'accepted' || this.state.slot?.waitlisted) return false;
    this.note('waitlist', now, 'no free slot: on the waitlist of the earliest session', {
      slot: { bookingId: '', sessionId, pool: '', waitlisted: true },
    });
    return true;
  }

  /** No open session matches: the receiving hospital must arrange the visit itself. */
  noteNoSlot(now: Date): boolean {
    if (this.state.status !== 'accepted') return false;
    this.note('no-slot', now, 'no open session matches the referral', { slot: null });
    return true;
  }

  /** The 48-hour deadline passed with the visit not completed; recorded once. */
  breachDeadline(now: Date): boolean {
    if (this.state.deadlineBreachedAt !== null || !isOverdue(this.state, now)) return false;
    this.note('breach-deadline', now, `the visit was due by ${this.state.dueAt!.toISOString()}`, {
      deadlineBreachedAt: now,
    });
    return true;
  }

  receive(actor: ReferralActor, now: Date, request: NotedStepRequest = {}): void {
    this.step('receive', actor, now, recorded(request), { arrivedAt: now });
  }

  recordFollowUp(actor: ReferralActor, findings: string, now: Date, request: StepRequest = {}): void {
    const text = requireText(findings, 'findings', 'a follow-up needs its findings');
    this.step(
      'record-follow-up',
      actor,
      now,
      recorded({ clientRequestId: request.clientRequestId, note: text }),
      { followUpCount: this.state.followUpCount + 1 },
    );
  }

  close(actor: ReferralActor, now: Date, request: NotedStepRequest = {}): void {
    this.step('close', actor, now, recorded(request), {});
  }

  private step(
    action: LifecycleAction,
    actor: ReferralActor,
    now: Date,
    how: Recorded,
    changes: StepChanges,
  ): void {
    const from = this.state.status;
    const to = transition(this.state.direction, from, action);
    const final = isTerminal(this.state.direction, to);
    this.state = { ...this.state, ...changes, status: to, closedAt: final ? now : this.state.closedAt };
    this.record(action, from, actor, now, how);
  }

  private note(action: ReferralAction, now: Date, note: string, changes: StepChanges): void {
    this.state = { ...this.state, ...changes };
    this.record(action, this.state.status, SYSTEM_ACTOR, now, recorded({ note }));
  }

  private record(
    action: ReferralAction,
    from: ReferralStatus | null,
    actor: ReferralActor,
    now: Date,
    how: Recorded,
  ): void {
    this.state = { ...this.state, updatedAt: now, version: this.state.version + 1 };
    const entry: ReferralHistoryEntry = {
      seq: 0,
      referralId: this.state.id,
      action,
      from,
      to: this.state.status,
      actor,
      occurredAt: now,
      note: how.note.trim(),
      clientRequestId: how.clientRequestId,
    };
    this.entries.push(entry);
    this.events.push({ kind: 'referral-changed', referral: this.snapshot(), entry });
  }
}

/**
 * A new referral as written (each field named, so nothing else of `input` slips in), with
 * everything it has not decided yet; version 0 until its first history entry.
 */
function blank(input: NewReferral, now: Date): Omit<ReferralSnapshot, 'direction' | 'status'> {
  return {
    id: input.id,
    groupId: input.groupId,
    clientRequestId: input.clientRequestId,
    patientResidentId: input.patientResidentId,
    referringInstitutionId: input.referringInstitutionId,
    receivingInstitutionId: input.receivingInstitutionId,
    icd10Code: input.icd10Code,
    reason: input.reason,
    justification: input.justification,
    results: input.results,
    receivingDepartmentId: '',
    specialtyCode: '',
    indicationCodes: [],
    matchedIndicationCodes: [],
    withoutIndication: false,
    greenChannel: 'none',
    contractedPriority: false,
    treatmentPlan: null,
    metCriteriaCodes: [],
    upwardReferralId: '',
    dueAt: null,
    deadlineBreachedAt: null,
    slot: null,
    submittedAt: null,
    acceptedAt: null,
    arrivedAt: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
    outcomeReason: '',
    followUpCount: 0,
    version: 0,
  };
}

function requireTwoInstitutions(input: {
  referringInstitutionId: string;
  receivingInstitutionId: string;
}): void {
  if (input.referringInstitutionId === input.receivingInstitutionId) {
    throw new ReferralError(
      ReferralErrorCode.SameInstitution,
      'an institution cannot refer a patient to itself',
      'receivingInstitutionId',
    );
  }
}

function requireText(value: string, field: string, message: string): string {
  const text = value.trim();
  if (text === '') throw new ReferralError(ReferralErrorCode.TextRequired, message, field);
  return text;
}
