import { type FamilyDoctorContract, inForceOn, shanghaiDateOf } from './family-doctor-contract';

const contract: FamilyDoctorContract = {
  id: '0193a1b2-0000-7000-8000-0000000000d1',
  residentIdNumber: '440112198001010011',
  teamId: '0193a1b2-0000-7000-8000-0000000000d2',
  status: 'active',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  endedOn: null,
  diseases: ['diabetes'],
  version: 1,
};

describe(inForceOn.name, () => {
  const sut = inForceOn;

  it('is in force on every day of its term, its first and last included', () => {
    expect(sut(contract, '2025-12-31')).toBe(false);
    expect(sut(contract, '2026-01-01')).toBe(true);
    expect(sut(contract, '2026-12-31')).toBe(true);
    expect(sut(contract, '2027-01-01')).toBe(false);
  });

  it('was in force on a day of its term after it expired: what counts is the service date', () => {
    expect(sut({ ...contract, status: 'expired' }, '2026-06-01')).toBe(true);
  });

  it('covers only the days before the day it was ended early', () => {
    const ended = { ...contract, status: 'ended' as const, endedOn: '2026-06-10' };
    expect(sut(ended, '2026-06-09')).toBe(true);
    expect(sut(ended, '2026-06-10')).toBe(false);
    expect(sut({ ...contract, status: 'unknown' }, '2026-06-01')).toBe(false);
  });
});

describe(shanghaiDateOf.name, () => {
  it('reads an instant as the local date in Shanghai (UTC+8)', () => {
    expect(shanghaiDateOf(new Date('2026-06-09T15:59:59Z'))).toBe('2026-06-09');
    expect(shanghaiDateOf(new Date('2026-06-09T16:00:00Z'))).toBe('2026-06-10');
  });
});
