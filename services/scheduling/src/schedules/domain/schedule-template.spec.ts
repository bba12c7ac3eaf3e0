import { aTemplate } from '../test/schedule-template.factory';
import { ScheduleTemplate, validUntilProblems } from './schedule-template';

const base = aTemplate();

describe(ScheduleTemplate.name, () => {
  it('yields one session per matching weekday with Shanghai times as UTC instants', () => {
    const sut = ScheduleTemplate.create(base);
    const sessions = sut.sessionsBetween('2026-11-23', '2026-12-06');
    expect(sessions.map((s) => s.date)).toEqual(['2026-11-23', '2026-11-30']);
    expect(sessions[0]!.startsAt.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(sessions[0]!.endsAt.toISOString()).toBe('2026-11-23T04:00:00.000Z');
  });

  it('respects the validity window', () => {
    const sut = ScheduleTemplate.create({ ...base, validFrom: '2026-11-24', validUntil: '2026-12-01' });
    expect(sut.sessionsBetween('2026-11-01', '2026-12-31').map((s) => s.date)).toEqual(['2026-11-30']);
  });
});

describe(validUntilProblems.name, () => {
  const sut = validUntilProblems;
  const today = '2026-11-20';

  it('takes an open-ended template, or one still valid today that began in the past', () => {
    expect(sut('', '2026-01-01', today)).toEqual([]);
    expect(sut('2026-11-20', '2026-01-01', today)).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(sut('2026-11-21', '2026-11-23', today)).toEqual([
      { reason: 'BEFORE_START', description: 'must not be before validFrom' },
    ]);
  });

  it('refuses a validity over by today (Asia/Shanghai), which would yield nothing', () => {
    expect(sut('2026-11-19', '2026-11-01', today)).toEqual([
      { reason: 'IN_THE_PAST', description: 'must not be before today (2026-11-20, Asia/Shanghai)' },
    ]);
  });

  it('leaves a value that is not a date to the format rule', () => {
    expect(sut('2026-13-01', '2026-11-01', today)).toEqual([]);
  });
});
