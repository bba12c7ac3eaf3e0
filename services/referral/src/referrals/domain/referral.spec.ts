import fc from 'fast-check';
import {
  DEFAULT_REFERRAL_RULES,
  isOverdue,
  type NewDownwardReferral,
  type NewUpwardReferral,
  type NotedStepRequest,
  Referral,
  type ReferralSnapshot,
  type SubmissionAssessment,
} from './referral';
import { type ReferralActor, SYSTEM_ACTOR } from './referral-actor';
import { ReferralError } from './referral-error';
import { type ReferralChangedDomainEvent } from './referral-events';
import { allowedActions } from './referral-lifecycle';

const PRIMARY = '0193a000-0000-7000-8000-000000000001';
const HOSPITAL = '0193a000-0000-7000-8000-000000000002';
const primaryStaff: ReferralActor = { subject: 'dr-li', institutionId: PRIMARY, role: 'primary-staff' };
const hospitalStaff: ReferralActor = { subject: 'dr-wang', institutionId: HOSPITAL, role: 'hospital-staff' };

const upward: NewUpwardReferral = {
  id: '0193a000-0000-7000-8000-000000000101',
  groupId: '0193a000-0000-7000-8000-0000000000aa',
  clientRequestId: '0193a000-0000-7000-8000-00000000c001',
  patientResidentId: '11010519491231002X',
  referringInstitutionId: PRIMARY,
  receivingInstitutionId: '',
  receivingDepartmentId: '',
  specialtyCode: '',
  icd10Code: 'I10',
  reason: 'uncontrolled hypertension',
  indicationCodes: ['HTN_UNCONTROLLED'],
  justification: '',
  results: [],
};

const assessment: SubmissionAssessment = {
  receivingInstitutionId: HOSPITAL,
  receivingDepartmentId: '0193a000-0000-7000-8000-0000000000d1',
  specialtyCode: '03.04',
  matchedIndicationCodes: ['HTN_UNCONTROLLED'],
  withoutIndication: false,
  greenChannel: 'none',
  contractedPriority: true,
  centreDepartmentId: '',
};

const downward: NewDownwardReferral = {
  id: '0193a000-0000-7000-8000-000000000201',
  groupId: upward.groupId,
  clientRequestId: '0193a000-0000-7000-8000-00000000c002',
  patientResidentId: upward.patientResidentId,
  referringInstitutionId: HOSPITAL,
  receivingInstitutionId: PRIMARY,
  icd10Code: 'I10',
  reason: 'blood pressure controlled for 2 weeks',
  metCriteriaCodes: ['HTN_STABLE'],
  withoutIndication: false,
  justification: '',
  results: [],
  upwardReferralId: '',
  treatmentPlan: {
    diagnosisCodes: ['I10'],
    medications: [{ name: '氨氯地平', drugCode: '', dose: '5 mg', frequency: 'qd', days: 60 }],
    followUps: [{ dueDate: '2026-12-07', item: 'blood pressure' }],
    warningSigns: ['BP above 180/110'],
    notes: '',
  },
};

const t0 = new Date('2026-11-23T01:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function submitted(overrides: Partial<SubmissionAssessment> = {}): Referral {
  const referral = Referral.draft(upward, primaryStaff, t0);
  referral.submit({ ...assessment, ...overrides }, DEFAULT_REFERRAL_RULES, primaryStaff, t0);
  return referral;
}

const changes = (referral: Referral) =>
  referral.pullEvents().filter((e): e is ReferralChangedDomainEvent => e.kind === 'referral-changed');

describe(Referral.name, () => {
  it('is drafted with one history entry carrying the request id, and no deadline yet', () => {
    const sut = Referral.draft(upward, primaryStaff, t0);

    expect(sut.snapshot()).toMatchObject({ status: 'draft', version: 1, dueAt: null, submittedAt: null });
    expect(sut.pullHistory()).toEqual([
      expect.objectContaining({
        action: 'draft',
        from: null,
        to: 'draft',
        actor: primaryStaff,
        clientRequestId: upward.clientRequestId,
      }),
    ]);
  });

  it('is routed, assessed and given its 48-hour deadline on submission', () => {
    const sut = submitted();

    expect(sut.snapshot()).toMatchObject({
      status: 'submitted',
      receivingInstitutionId: HOSPITAL,
      specialtyCode: '03.04',
      contractedPriority: true,
      submittedAt: t0,
      dueAt: new Date(t0.getTime() + 48 * 3_600_000),
      version: 2,
    });
    expect(changes(sut).map((e) => [e.entry.action, e.entry.from, e.entry.to, e.referral.version])).toEqual([
      ['draft', null, 'draft', 1],
      ['submit', 'draft', 'submitted', 2],
    ]);
  });

  it('takes the deadline from the rules', () => {
    const sut = Referral.draft(upward, primaryStaff, t0);
    sut.submit(assessment, { deadlineHours: 24, expiryDays: 7 }, primaryStaff, t0);

    expect(sut.snapshot().dueAt).toEqual(new Date(t0.getTime() + 24 * 3_600_000));
  });

  it('accepts a green-channel referral at once and tells the centre', () => {
    const sut = submitted({ greenChannel: 'chest-pain', centreDepartmentId: 'dept-cpc' });

    expect(sut.snapshot()).toMatchObject({ status: 'accepted', greenChannel: 'chest-pain', acceptedAt: t0 });
    const events = sut.pullEvents();
    expect(events.map((e) => (e.kind === 'referral-changed' ? e.entry.action : e.kind))).toEqual([
      'draft',
      'submit',
      'accept',
      'green-channel-activated',
    ]);
    expect(events[2]).toMatchObject({ entry: { actor: SYSTEM_ACTOR } });
    expect(events[3]).toMatchObject({ channel: 'chest-pain', centreDepartmentId: 'dept-cpc' });
  });

  it('walks the upward loop to completed, closing it then', () => {
    const sut = submitted();
    sut.accept(hospitalStaff, at(10));
    expect(sut.schedule({ bookingId: 'b-1', sessionId: 's-1', pool: 'reserved' }, at(11))).toBe(true);
    sut.arrive(hospitalStaff, at(600));
    sut.complete(hospitalStaff, at(700), { note: 'seen, medication adjusted' });

    expect(sut.snapshot()).toMatchObject({
      status: 'completed',
      acceptedAt: at(10),
      arrivedAt: at(600),
      closedAt: at(700),
      slot: { bookingId: 'b-1', sessionId: 's-1', pool: 'reserved', waitlisted: false },
    });
  });

  it('lets a patient seen without a booked slot arrive straight from accepted', () => {
    const sut = submitted();
    sut.accept(hospitalStaff, at(1));
    sut.arrive(hospitalStaff, at(2));

    expect(sut.status).toBe('arrived');
  });

  it('records a decline or cancellation only with its reason, and drops the slot', () => {
    const declined = submitted();
    expect(() => declined.decline(hospitalStaff, '  ', at(1))).toThrow(ReferralError);
    declined.decline(hospitalStaff, 'no cardiology bed this week', at(1));
    const cancelled = submitted();
    cancelled.accept(hospitalStaff, at(1));
    cancelled.schedule({ bookingId: 'b', sessionId: 's', pool: 'public' }, at(2));
    cancelled.cancel(primaryStaff, 'patient went elsewhere', at(3));

    expect(declined.snapshot()).toMatchObject({
      status: 'declined',
      outcomeReason: 'no cardiology bed this week',
    });
    expect(cancelled.snapshot()).toMatchObject({ status: 'cancelled', slot: null, closedAt: at(3) });
  });

  it('takes a slot only while accepted: a replayed or late hold changes nothing', () => {
    const sut = submitted();
    expect(sut.schedule({ bookingId: 'b', sessionId: 's', pool: 'reserved' }, at(1))).toBe(false);
    sut.accept(hospitalStaff, at(2));
    sut.schedule({ bookingId: 'b', sessionId: 's', pool: 'reserved' }, at(3));
    sut.pullEvents();

    expect(sut.schedule({ bookingId: 'b2', sessionId: 's2', pool: 'public' }, at(4))).toBe(false);
    expect(sut.pullEvents()).toEqual([]);
    expect(sut.snapshot().slot?.bookingId).toBe('b');
  });

  it('notes a waitlist place once and keeps the state', () => {
    const sut = submitted();
    sut.accept(hospitalStaff, at(1));
    sut.pullEvents();

    expect(sut.noteWaitlisted('s-9', at(2))).toBe(true);
    expect(sut.noteWaitlisted('s-9', at(3))).toBe(false);
    expect(sut.snapshot()).toMatchObject({
      status: 'accepted',
      slot: { sessionId: 's-9', waitlisted: true },
    });
    expect(changes(sut).map((e) => [e.entry.action, e.entry.from, e.entry.to])).toEqual([
      ['waitlist', 'accepted', 'accepted'],
    ]);
  });

  it('records a deadline breach once, only when overdue and not completed', () => {
    const sut = submitted();
    const due = sut.snapshot().dueAt!;
    const after = new Date(due.getTime() + 1);

    expect(sut.breachDeadline(due)).toBe(false);
    expect(sut.breachDeadline(after)).toBe(true);
    expect(sut.breachDeadline(new Date(after.getTime() + 60_000))).toBe(false);
    expect(sut.snapshot().deadlineBreachedAt).toEqual(after);

    const done = submitted();
    done.accept(hospitalStaff, at(1));
    done.arrive(hospitalStaff, at(2));
    done.complete(hospitalStaff, at(3));
    expect(isOverdue(done.snapshot(), after)).toBe(false);
    expect(done.breachDeadline(after)).toBe(false);
  });

  it('refuses to route a referral back to its sender', () => {
    const sut = Referral.draft(upward, primaryStaff, t0);

    expect(() =>
      sut.submit(
        { ...assessment, receivingInstitutionId: PRIMARY },
        DEFAULT_REFERRAL_RULES,
        primaryStaff,
        t0,
      ),
    ).toThrow(expect.objectContaining({ code: 'SAME_INSTITUTION' }) as Error);
    expect(sut.status).toBe('draft');
  });

  it('closes the downward loop: issued, received, followed up, closed', () => {
    const sut = Referral.issue(downward, hospitalStaff, t0);
    sut.receive(primaryStaff, at(60));
    expect(() => sut.close(primaryStaff, at(61))).toThrow(/received/);
    expect(() => sut.recordFollowUp(primaryStaff, ' ', at(62))).toThrow(ReferralError);
    sut.recordFollowUp(primaryStaff, 'BP 132/84, no symptoms', at(14 * 24 * 60));
    sut.recordFollowUp(primaryStaff, 'BP 128/80', at(28 * 24 * 60));
    sut.close(primaryStaff, at(28 * 24 * 60 + 1));

    expect(sut.snapshot()).toMatchObject({ status: 'closed', followUpCount: 2, arrivedAt: at(60) });
    expect(sut.pullHistory().map((e) => e.action)).toEqual([
      'issue',
      'receive',
      'record-follow-up',
      'record-follow-up',
      'close',
    ]);
  });

  it('refuses an illegal step with FAILED_PRECONDITION naming the state, changing nothing', () => {
    const sut = submitted();
    sut.pullEvents();
    const before = sut.snapshot();

    expect(() => sut.complete(hospitalStaff, at(1))).toThrow(
      expect.objectContaining({
        category: 'failed-precondition',
        message: expect.stringContaining('submitted') as string,
      }) as Error,
    );
    expect(sut.snapshot()).toEqual(before);
    expect(sut.pullEvents()).toEqual([]);
  });
});

describe(Referral.name, () => {
  const IDENTITY = [
    'id',
    'groupId',
    'clientRequestId',
    'patientResidentId',
    'referringInstitutionId',
    'direction',
    'createdAt',
  ] as const;
  const identityOf = (referral: Referral) =>
    Object.fromEntries(IDENTITY.map((field) => [field, referral.snapshot()[field]]));
  // What a careless caller might hand over: another referral's identity and bookkeeping, at the
  // top level and as a patch, in every object an intent method takes.
  const foreign: Partial<ReferralSnapshot> = {
    id: '0193a000-0000-7000-8000-00000000dead',
    groupId: '0193a000-0000-7000-8000-00000000beef',
    patientResidentId: '110105194912310000',
    referringInstitutionId: '0193a000-0000-7000-8000-00000000f00d',
    direction: 'downward',
    createdAt: new Date(0),
    status: 'closed',
    version: 99,
  };
  // Typed as what the method takes: the extra keys are there at run time only.
  const smuggled = <T extends object>(value: T): T => Object.assign({}, foreign, value, { patch: foreign });
  const request = (note = 'checked'): NotedStepRequest =>
    smuggled({ clientRequestId: '0193a000-0000-7000-8000-00000000c0de', note });

  it('keeps its identity through any intent method, whatever the caller passes', () => {
    const walks: [string, () => Referral][] = [];
    const upwardDraft = () => Referral.draft(smuggled(upward), primaryStaff, t0);
    const upwardSubmitted = () => {
      const sut = upwardDraft();
      sut.submit(smuggled(assessment), DEFAULT_REFERRAL_RULES, primaryStaff, t0, request());
      return sut;
    };
    const accepted = () => {
      const sut = upwardSubmitted();
      sut.accept(hospitalStaff, at(1), request());
      return sut;
    };
    walks.push(['draft', upwardDraft], ['submit', upwardSubmitted], ['accept', accepted]);
    walks.push([
      'green channel',
      () => {
        const sut = upwardDraft();
        const green = { ...assessment, greenChannel: 'stroke' as const, centreDepartmentId: 'dept-sc' };
        sut.submit(smuggled(green), DEFAULT_REFERRAL_RULES, primaryStaff, t0, request());
        return sut;
      },
    ]);
    walks.push([
      'decline',
      () => {
        const sut = upwardSubmitted();
        sut.decline(hospitalStaff, 'full', at(1), request());
        return sut;
      },
    ]);
    walks.push([
      'cancel',
      () => {
        const sut = accepted();
        sut.cancel(primaryStaff, 'not needed', at(2), request());
        return sut;
      },
    ]);
    walks.push([
      'schedule, arrive, complete',
      () => {
        const sut = accepted();
        sut.schedule(smuggled({ bookingId: 'b', sessionId: 's', pool: 'reserved' }), at(2));
        expect(sut.snapshot().slot).toEqual({
          bookingId: 'b',
          sessionId: 's',
          pool: 'reserved',
          waitlisted: false,
        });
        sut.arrive(hospitalStaff, at(3), request());
        sut.complete(hospitalStaff, at(4), request());
        return sut;
      },
    ]);
    walks.push([
      'notes, breach, expire',
      () => {
        const sut = accepted();
        sut.noteWaitlisted('s', at(2));
        sut.noteNoSlot(at(3));
        sut.breachDeadline(at(49 * 60));
        sut.expire(at(15 * 24 * 60));
        return sut;
      },
    ]);
    walks.push([
      'issue, receive, follow up, close',
      () => {
        const sut = Referral.issue(smuggled(downward), hospitalStaff, t0);
        sut.receive(primaryStaff, at(1), request());
        sut.recordFollowUp(primaryStaff, 'stable', at(2), request());
        sut.close(primaryStaff, at(3), request());
        return sut;
      },
    ]);

    for (const [name, walk] of walks) {
      const sut = walk();
      const own = sut.snapshot().direction === 'upward' ? upward : downward;
      expect({ name, ...identityOf(sut) }).toEqual({
        name,
        id: own.id,
        groupId: own.groupId,
        clientRequestId: own.clientRequestId,
        patientResidentId: own.patientResidentId,
        referringInstitutionId: own.referringInstitutionId,
        direction: own === upward ? 'upward' : 'downward',
        createdAt: t0,
      });
      const history = sut.pullHistory();
      expect({ name, version: sut.snapshot().version }).toEqual({ name, version: history.length });
      expect(history.every((entry) => entry.referralId === own.id)).toBe(true);
    }
  });
});

type Op =
  | 'accept'
  | 'decline'
  | 'cancel'
  | 'arrive'
  | 'complete'
  | 'schedule'
  | 'waitlist'
  | 'no-slot'
  | 'breach'
  | 'expire'
  | 'receive'
  | 'follow-up'
  | 'close';
const OPS: Op[] = [
  'accept',
  'decline',
  'cancel',
  'arrive',
  'complete',
  'schedule',
  'waitlist',
  'no-slot',
  'breach',
  'expire',
  'receive',
  'follow-up',
  'close',
];

function run(referral: Referral, op: Op, now: Date): void {
  switch (op) {
    case 'accept':
      return referral.accept(hospitalStaff, now);
    case 'decline':
      return referral.decline(hospitalStaff, 'full', now);
    case 'cancel':
      return referral.cancel(primaryStaff, 'not needed', now);
    case 'arrive':
      return referral.arrive(hospitalStaff, now);
    case 'complete':
      return referral.complete(hospitalStaff, now);
    case 'schedule':
      return void referral.schedule({ bookingId: 'b', sessionId: 's', pool: 'reserved' }, now);
    case 'waitlist':
      return void referral.noteWaitlisted('s', now);
    case 'no-slot':
      return void referral.noteNoSlot(now);
    case 'breach':
      return void referral.breachDeadline(now);
    case 'expire':
      return referral.expire(now);
    case 'receive':
      return referral.receive(primaryStaff, now);
    case 'follow-up':
      return referral.recordFollowUp(primaryStaff, 'stable', now);
    case 'close':
      return referral.close(primaryStaff, now);
  }
}

describe(Referral.name, () => {
  const sequences = fc.record({
    direction: fc.constantFrom('upward', 'downward'),
    ops: fc.array(fc.record({ op: fc.constantFrom(...OPS), minutes: fc.integer({ min: 0, max: 10_000 }) }), {
      maxLength: 30,
    }),
  });

  it('keeps every invariant under random sequences of steps: one history entry per version, consistent chain, refusals change nothing', () => {
    fc.assert(
      fc.property(sequences, ({ direction, ops }) => {
        const sut = direction === 'upward' ? submitted() : Referral.issue(downward, hospitalStaff, t0);
        const history = [...sut.pullHistory()];
        let clock = 0;
        for (const { op, minutes } of ops) {
          clock += minutes;
          const before = sut.snapshot();
          try {
            run(sut, op, at(clock));
          } catch (error) {
            expect(error).toBeInstanceOf(ReferralError);
            expect(sut.snapshot()).toEqual(before);
          }
          history.push(...sut.pullHistory());
        }
        const final = sut.snapshot();
        // one entry per version, and each entry starts where the previous one ended
        expect(history).toHaveLength(final.version);
        history.slice(1).forEach((entry, i) => expect(entry.from).toBe(history[i]!.to));
        expect(history[history.length - 1]!.to).toBe(final.status);
        // a final state is closed at its last step; an open one is not closed
        const terminal = allowedActions(final.direction, final.status).length === 0;
        expect(final.closedAt !== null).toBe(terminal);
        // a slot only ever belongs to a referral that was accepted
        if (final.slot && !final.slot.waitlisted) expect(final.acceptedAt).not.toBeNull();
        // a breach is recorded at most once
        expect(history.filter((e) => e.action === 'breach-deadline').length).toBeLessThanOrEqual(1);
        // a downward referral never wears upward states and vice versa
        const downwardStates = ['issued', 'received', 'followed-up', 'closed', 'cancelled'];
        expect(downwardStates.includes(final.status)).toBe(
          final.direction === 'downward' || final.status === 'cancelled',
        );
      }),
      { numRuns: 500 },
    );
  });
});
