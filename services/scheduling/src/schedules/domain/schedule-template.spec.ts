import { type ValidationError } from '@medgrid/errors';
import { ScheduleTemplate, type ScheduleTemplateSnapshot } from './schedule-template';

const base: ScheduleTemplateSnapshot = {
  id: 't1',
  institutionId: 'h1',
  groupId: 'g1',
  departmentId: 'd1',
  specialtyCode: '03.04',
  practitionerId: '',
  weekday: 1,
  startTime: '08:00',
  endTime: '12:00',
  capacity: 30,
  validFrom: '2026-11-23',
  validUntil: '',
};

function violations(input: Partial<ScheduleTemplateSnapshot>): string[] {
  try {
    ScheduleTemplate.create({ ...base, ...input }, '2026-11-20');
    return [];
  } catch (error) {
    return (error as ValidationError).violations.map((v) => `${v.field}:${v.reason}`);
  }
}

describe(ScheduleTemplate.name, () => {
  it('yields one session per matching weekday with Shanghai times as UTC instants', () => {
    const sut = ScheduleTemplate.create(base, '2026-11-20');
    const sessions = sut.sessionsBetween('2026-11-23', '2026-12-06');
    expect(sessions.map((s) => s.date)).toEqual(['2026-11-23', '2026-11-30']);
    expect(sessions[0]!.startsAt.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(sessions[0]!.endsAt.toISOString()).toBe('2026-11-23T04:00:00.000Z');
  });

  it('respects the validity window', () => {
    const sut = ScheduleTemplate.create(
      { ...base, validFrom: '2026-11-24', validUntil: '2026-12-01' },
      '2026-11-20',
    );
    expect(sut.sessionsBetween('2026-11-01', '2026-12-31').map((s) => s.date)).toEqual(['2026-11-30']);
  });

  it.each([
    [{ weekday: 0 }, 'template.weekday:OUT_OF_RANGE'],
    [{ weekday: 8 }, 'template.weekday:OUT_OF_RANGE'],
    [{ startTime: '8:00' }, 'template.startTime:INVALID_FORMAT'],
    [{ endTime: '07:00' }, 'template.endTime:BEFORE_START'],
    [{ capacity: 0 }, 'template.capacity:OUT_OF_RANGE'],
    [{ capacity: -3 }, 'template.capacity:OUT_OF_RANGE'],
    [{ capacity: 501 }, 'template.capacity:OUT_OF_RANGE'],
    [{ validFrom: '2026-02-30' }, 'template.validFrom:INVALID_FORMAT'],
    [{ validUntil: '2026-11-01' }, 'template.validUntil:BEFORE_START'],
    [{ validFrom: '2026-11-01', validUntil: '2026-11-19' }, 'template.validUntil:IN_THE_PAST'],
  ] as const)('refuses %j with %s', (input, expected) => {
    expect(violations(input)).toContain(expected);
  });

  it('takes a template that began in the past and is still valid today, or open-ended', () => {
    expect(violations({ validFrom: '2026-01-01', validUntil: '2026-11-20' })).toEqual([]);
    expect(violations({ validFrom: '2026-01-01', validUntil: '' })).toEqual([]);
  });
});
