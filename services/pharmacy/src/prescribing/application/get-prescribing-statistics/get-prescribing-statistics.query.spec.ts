import { AppError } from '@medgrid/errors';
import { thrownBy } from '@medgrid/testing';
import { GetPrescribingStatisticsQuery } from './get-prescribing-statistics.query';

describe(GetPrescribingStatisticsQuery.name, () => {
  it('counts Asia/Shanghai days: from the start of `from` to the start of the day after `until`', () => {
    const query = GetPrescribingStatisticsQuery.create({
      from: '2027-01-01',
      until: '2027-01-31',
      institutionId: '',
      groupId: '0193A000-0000-7000-8000-000000000001',
    });

    expect(query.period).toEqual({
      from: new Date('2026-12-31T16:00:00Z'),
      until: new Date('2027-01-31T16:00:00Z'),
    });
    expect(query).toMatchObject({ institutionId: null, groupId: '0193a000-0000-7000-8000-000000000001' });
  });

  it('refuses a malformed day and a period that ends before it starts, naming the field', () => {
    const ask = (from: string, until: string) => () =>
      GetPrescribingStatisticsQuery.create({ from, until, institutionId: '', groupId: '' });

    expect(thrownBy(AppError, ask('2027-02-30', '2027-03-01')).violations).toEqual([
      expect.objectContaining({ field: 'from', reason: 'INVALID_FORMAT' }),
    ]);
    const backwards = thrownBy(AppError, ask('2027-03-02', '2027-03-01'));
    expect(backwards).toMatchObject({ code: 'INVALID_PERIOD', category: 'invalid-argument' });
    expect(backwards.violations.map((v) => v.field)).toEqual(['until']);
  });
});
