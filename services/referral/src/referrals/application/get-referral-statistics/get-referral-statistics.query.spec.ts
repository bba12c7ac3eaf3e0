import { ValidationError } from '@medgrid/errors';
import { thrownBy } from '@medgrid/testing';
import { GetReferralStatisticsQuery } from './get-referral-statistics.query';

const GROUP = '0193A000-0000-7000-8000-000000000001';

describe(GetReferralStatisticsQuery.name, () => {
  const sut = GetReferralStatisticsQuery;
  const refused = (input: Parameters<typeof sut.create>[0]) =>
    thrownBy(ValidationError, () => sut.create(input)).violations.map(({ field, reason }) => ({
      field,
      reason,
    }));

  it('counts from the Shanghai midnight that starts `from` to the one that ends `until`, ids lower-cased', () => {
    const query = sut.create({ from: '2026-06-01', until: '2026-11-30', groupId: GROUP, institutionId: '' });

    expect(query.period).toEqual({
      from: new Date('2026-05-31T16:00:00Z'),
      until: new Date('2026-11-30T16:00:00Z'),
    });
    expect(query.groupId).toBe(GROUP.toLowerCase());
    expect(query.institutionId).toBeNull();
  });

  it('refuses dates that are not local dates, and an id that is not a UUID, naming each field', () => {
    expect(refused({ from: '2026-13-01', until: '2026-11', groupId: 'g1', institutionId: 'i1' })).toEqual([
      { field: 'from', reason: 'INVALID_FORMAT' },
      { field: 'until', reason: 'INVALID_FORMAT' },
      { field: 'groupId', reason: 'INVALID_FORMAT' },
      { field: 'institutionId', reason: 'INVALID_FORMAT' },
    ]);
  });

  it('refuses a missing or malformed start as a bad field, not a failure judging the range (found by fuzzing)', () => {
    expect(refused({ from: '', until: '2026-11-30', groupId: '', institutionId: '' })).toEqual([
      { field: 'from', reason: 'INVALID_FORMAT' },
    ]);
    expect(refused({ from: '2026-02-30', until: '', groupId: '', institutionId: '' })).toEqual([
      { field: 'from', reason: 'INVALID_FORMAT' },
      { field: 'until', reason: 'INVALID_FORMAT' },
    ]);
  });

  it('refuses a range that ends before it starts, or runs past a year and a day, on `until`', () => {
    expect(refused({ from: '2026-11-02', until: '2026-11-01', groupId: '', institutionId: '' })).toEqual([
      { field: 'until', reason: 'OUT_OF_RANGE' },
    ]);
    expect(refused({ from: '2025-11-01', until: '2026-11-02', groupId: '', institutionId: '' })).toEqual([
      { field: 'until', reason: 'OUT_OF_RANGE' },
    ]);
    expect(
      sut.create({ from: '2025-11-01', until: '2026-11-01', groupId: '', institutionId: '' }).until,
    ).toBe('2026-11-01');
  });
});
