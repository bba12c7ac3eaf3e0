import { AppError } from '@medgrid/errors';
import fc from 'fast-check';
import { ScheduleError } from './schedule-error';
import { clinicInstant } from './clinic-time';
import { type SessionSnapshot } from './session';
import { bandsOverlap, moveSession, requireDoctorFree, type SessionMoveTarget } from './session-move';

const DOCTOR = 'd0c70000-0000-7000-8000-000000000001';

// Monday 23 Nov 2026, 09:00 in Shanghai; the session is on Thursday morning.
const now = new Date('2026-11-23T01:00:00Z');
const session: SessionSnapshot = {
  id: 's1',
  institutionId: 'h1',
  groupId: 'g1',
  departmentId: 'dep1',
  specialtyCode: '03.01',
  practitionerId: DOCTOR,
  templateId: 't1',
  date: '2026-11-26',
  startsAt: clinicInstant('2026-11-26', '08:00'),
  endsAt: clinicInstant('2026-11-26', '11:30'),
  status: 'open',
  capacity: 30,
  reservedOffered: 10,
  reservedReleased: 0,
  releaseLeadHours: 48,
  changeReason: '',
  version: 3,
};
const friday: SessionMoveTarget = { date: '2026-11-27', startTime: '13:30', endTime: '17:00' };
const REASON = '专家外出会诊，改至周五下午';

/** The thrown error of `work`, as an AppError (the test fails when nothing is thrown). */
function thrown(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

const violations = (error: AppError) => error.violations.map((v) => `${v.field}:${v.reason}`);

function sessionAt(
  id: string,
  date: string,
  start: string,
  end: string,
  patch: Partial<SessionSnapshot> = {},
): SessionSnapshot {
  return {
    ...session,
    id,
    date,
    startsAt: clinicInstant(date, start),
    endsAt: clinicInstant(date, end),
    ...patch,
  };
}

describe(moveSession.name, () => {
  const sut = moveSession;

  it('moves the session to the new date and band, as Shanghai times in UTC', () => {
    const moved = sut(session, friday, REASON, now);

    expect(moved.date).toBe('2026-11-27');
    expect(moved.startsAt.toISOString()).toBe('2026-11-27T05:30:00.000Z');
    expect(moved.endsAt.toISOString()).toBe('2026-11-27T09:00:00.000Z');
  });

  it('records the reason for the patients and bumps the version', () => {
    const moved = sut(session, friday, `  ${REASON}  `, now);

    expect(moved).toMatchObject({ changeReason: REASON, version: 4 });
  });

  it('keeps everything else: id, template, doctor, capacity, pools and status', () => {
    const moved = sut(session, friday, REASON, now);

    const { date, startsAt, endsAt, changeReason, version } = session;
    expect({ ...moved, date, startsAt, endsAt, changeReason, version }).toEqual(session);
  });

  it('moves within the same day to another band', () => {
    const moved = sut(session, { date: '2026-11-26', startTime: '14:00', endTime: '17:30' }, REASON, now);

    expect(moved.date).toBe('2026-11-26');
    expect(moved.startsAt).toEqual(clinicInstant('2026-11-26', '14:00'));
  });

  it('moves to an earlier day that is still to come', () => {
    const moved = sut(session, { date: '2026-11-24', startTime: '08:00', endTime: '11:30' }, REASON, now);

    expect(moved.startsAt).toEqual(clinicInstant('2026-11-24', '08:00'));
  });

  it('accepts a change of the end alone (the session runs longer)', () => {
    const moved = sut(session, { date: '2026-11-26', startTime: '08:00', endTime: '12:00' }, REASON, now);

    expect(moved.endsAt).toEqual(clinicInstant('2026-11-26', '12:00'));
  });

  it('refuses to "move" the session to where it already is', () => {
    const error = thrown(() =>
      sut(session, { date: '2026-11-26', startTime: '08:00', endTime: '11:30' }, REASON, now),
    );

    expect(error.category).toBe('invalid-argument');
    expect(error.violations).toEqual([
      { field: 'date', reason: 'UNCHANGED', description: 'is where the session already is' },
    ]);
  });

  it('refuses a cancelled session, saying why it was cancelled', () => {
    const cancelled = { ...session, status: 'cancelled' as const, changeReason: '停诊：设备检修' };

    const error = thrown(() => sut(cancelled, friday, REASON, now));

    expect(error).toBeInstanceOf(ScheduleError);
    expect(error).toMatchObject({ code: 'SESSION_CLOSED', category: 'failed-precondition' });
    expect(error.message).toBe('the session is cancelled: 停诊：设备检修; only an open session can be moved');
    expect(violations(error)).toEqual(['sessionId:SESSION_CLOSED']);
  });

  it('refuses a session that has started', () => {
    const during = new Date(session.startsAt.getTime() + 60_000);

    const error = thrown(() => sut(session, friday, REASON, during));

    expect(error).toMatchObject({ code: 'SESSION_CLOSED', category: 'failed-precondition' });
    expect(error.message).toMatch(/has started; only a session still to come can be moved/);
  });

  it('refuses a session at the very minute it starts', () => {
    expect(thrown(() => sut(session, friday, REASON, session.startsAt))).toMatchObject({
      code: 'SESSION_CLOSED',
    });
  });

  it('refuses a session that is over', () => {
    const error = thrown(() => sut(session, friday, REASON, session.endsAt));

    expect(error.message).toMatch(/is over/);
  });

  it('refuses a new start earlier today, on the start time', () => {
    const error = thrown(() =>
      sut(session, { date: '2026-11-23', startTime: '08:30', endTime: '11:00' }, REASON, now),
    );

    expect(violations(error)).toEqual(['startTime:IN_THE_PAST']);
  });

  it('refuses a new start at this very minute', () => {
    const error = thrown(() =>
      sut(session, { date: '2026-11-23', startTime: '09:00', endTime: '11:00' }, REASON, now),
    );

    expect(violations(error)).toEqual(['startTime:IN_THE_PAST']);
  });

  it('accepts a new start later today', () => {
    const moved = sut(session, { date: '2026-11-23', startTime: '09:01', endTime: '11:00' }, REASON, now);

    expect(moved.date).toBe('2026-11-23');
  });

  it('refuses a past day, on the date', () => {
    const error = thrown(() =>
      sut(session, { date: '2026-11-20', startTime: '14:00', endTime: '17:00' }, REASON, now),
    );

    expect(violations(error)).toEqual(['date:IN_THE_PAST']);
  });

  it('judges "today" by the Shanghai calendar, not UTC', () => {
    // 23:30 UTC on the 22nd is 07:30 on the 23rd in Shanghai: 07:00 on the 23rd is earlier today.
    const early = new Date('2026-11-22T23:30:00Z');

    const error = thrown(() =>
      sut(session, { date: '2026-11-23', startTime: '07:00', endTime: '11:00' }, REASON, early),
    );

    expect(violations(error)).toEqual(['startTime:IN_THE_PAST']);
  });

  it('lands on the local date and band asked for, for any band still to come (random moves)', () => {
    const clock = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), clock, clock, (days, a, b) => {
        fc.pre(a !== b);
        const [startTime, endTime] = a < b ? [a, b] : [b, a];
        const date = new Date(Date.UTC(2026, 10, 23 + days)).toISOString().slice(0, 10);
        fc.pre(!(date === session.date && startTime === '08:00' && endTime === '11:30'));

        const moved = sut(session, { date, startTime, endTime }, REASON, now);

        expect(moved.date).toBe(date);
        expect(moved.startsAt > now).toBe(true);
        expect(moved.endsAt > moved.startsAt).toBe(true);
        expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(moved.startsAt)).toBe(
          date,
        );
        expect(moved.version).toBe(session.version + 1);
        expect(moved).toMatchObject({ id: session.id, capacity: session.capacity, status: 'open' });
      }),
    );
  });
});

describe(requireDoctorFree.name, () => {
  const sut = requireDoctorFree;

  const moved = moveSession(session, friday, REASON, now); // Friday 13:30–17:00

  it('refuses a band that overlaps another open session of the same doctor, naming it', () => {
    const other = sessionAt('s2', '2026-11-27', '16:00', '18:00');

    const error = thrown(() => sut(moved, [other]));

    expect(error).toBeInstanceOf(ScheduleError);
    expect(error).toMatchObject({ code: 'SESSION_OVERLAPS', category: 'failed-precondition' });
    expect(violations(error)).toEqual(['startTime:SESSION_OVERLAPS']);
    expect(error.message).toBe(
      'the doctor already has an open session on 2026-11-27 16:00–18:00 (s2) overlapping this band',
    );
  });

  it.each([
    ['starts inside it', '14:00', '18:00'],
    ['ends inside it', '12:00', '14:00'],
    ['lies within it', '14:00', '15:00'],
    ['covers it', '08:00', '18:00'],
    ['is the same band', '13:30', '17:00'],
  ])('refuses a session that %s', (_, start, end) => {
    expect(() => sut(moved, [sessionAt('s2', '2026-11-27', start, end)])).toThrow(
      expect.objectContaining({ code: 'SESSION_OVERLAPS' }) as Error,
    );
  });

  it.each([
    ['ends as it starts', '08:00', '13:30'],
    ['starts as it ends', '17:00', '20:00'],
  ])('allows a session that %s', (_, start, end) => {
    expect(() => sut(moved, [sessionAt('s2', '2026-11-27', start, end)])).not.toThrow();
  });

  it('does not count the session against itself (its old band or its new one)', () => {
    expect(() => sut(moved, [session, moved])).not.toThrow();
  });

  it('ignores cancelled sessions, other doctors and other hospitals', () => {
    const others = [
      sessionAt('s2', '2026-11-27', '13:00', '18:00', { status: 'cancelled' }),
      sessionAt('s3', '2026-11-27', '13:00', '18:00', { practitionerId: 'another-doctor' }),
      sessionAt('s4', '2026-11-27', '13:00', '18:00', { practitionerId: '' }),
      sessionAt('s5', '2026-11-27', '13:00', '18:00', { institutionId: 'h2' }),
    ];

    expect(() => sut(moved, others)).not.toThrow();
  });

  it('never refuses a department session, which names no doctor', () => {
    const departmental = { ...moved, practitionerId: '' };
    const other = sessionAt('s2', '2026-11-27', '13:30', '17:00', { practitionerId: '' });

    expect(() => sut(departmental, [other])).not.toThrow();
  });

  it('names the first clash when there are several', () => {
    const error = thrown(() =>
      sut(moved, [
        sessionAt('s2', '2026-11-27', '16:00', '18:00'),
        sessionAt('s3', '2026-11-27', '12:00', '14:00'),
      ]),
    );

    expect(error.message).toContain('(s2)');
  });
});

describe(bandsOverlap.name, () => {
  const sut = bandsOverlap;

  it('is the usual half-open interval overlap, symmetric (random bands)', () => {
    const minute = fc.integer({ min: 0, max: 24 * 60 });
    fc.assert(
      fc.property(minute, minute, minute, minute, (a1, a2, b1, b2) => {
        fc.pre(a1 < a2 && b1 < b2);
        const at = (m: number) => new Date(clinicInstant('2026-11-27', '00:00').getTime() + m * 60_000);
        const a = { ...session, startsAt: at(a1), endsAt: at(a2) };
        const b = { ...session, id: 's2', startsAt: at(b1), endsAt: at(b2) };

        expect(sut(a, b)).toBe(Math.max(a1, b1) < Math.min(a2, b2));
        expect(sut(a, b)).toBe(sut(b, a));
      }),
    );
  });
});
