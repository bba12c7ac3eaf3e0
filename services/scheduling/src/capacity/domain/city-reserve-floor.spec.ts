import { ValidationError } from '@medgrid/errors';
import { CityReserveFloor, type CityFloorChange, type ReserveFloors } from './city-reserve-floor';
import { ratio } from './reserve-ratio';

const deploymentDefault: ReserveFloors = { slotFloor: ratio(1, 3), bedFloor: ratio(1, 4) };
const today = '2026-12-04';
const now = new Date('2026-12-04T02:00:00Z');
const change = (overrides: Partial<CityFloorChange> = {}): CityFloorChange => ({
  slotFloor: ratio(1, 5),
  bedFloor: ratio(1, 4),
  effectiveFrom: '2027-01-01',
  reason: '专科号源 20% 优先向医联体开放',
  actor: 'operator-1',
  actorRole: 'city-operator',
  ...overrides,
});

const violationsOf = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).violations.map((v) => [v.field, v.reason]);
  }
  throw new Error('accepted');
};

describe(CityReserveFloor.name, () => {
  const fresh = () => CityReserveFloor.restore('city-gz', []);

  it('has the deployment default until the city sets a floor of its own', () => {
    expect(fresh().inForceOn(today)).toBeNull();
    expect(fresh().floorsOn(today, deploymentDefault)).toEqual(deploymentDefault);
  });

  it('applies a change from its effective date on, keeping the earlier floor for the days before', () => {
    const sut = fresh();
    const version = sut.change(change(), today, now);

    expect(version).toEqual({
      cityId: 'city-gz',
      version: 1,
      slotFloor: ratio(1, 5),
      bedFloor: ratio(1, 4),
      effectiveFrom: '2027-01-01',
      reason: '专科号源 20% 优先向医联体开放',
      setBy: 'operator-1',
      setByRole: 'city-operator',
      setAt: now,
    });
    expect(sut.floorsOn('2026-12-31', deploymentDefault)).toEqual(deploymentDefault);
    expect(sut.floorsOn('2027-01-01', deploymentDefault)).toEqual({
      slotFloor: ratio(1, 5),
      bedFloor: ratio(1, 4),
    });
    expect(sut.inForceOn('2030-06-01')?.version).toBe(1);
  });

  it('reads each date with the version in force that day and keeps every version in its history', () => {
    const sut = fresh();
    sut.change(change({ effectiveFrom: '2027-01-01' }), today, now);
    sut.change(change({ slotFloor: ratio(1, 4), effectiveFrom: '2027-03-01' }), today, now);
    // Set later but effective earlier: it rules until the next effective date, which stays.
    sut.change(change({ slotFloor: ratio(3, 10), effectiveFrom: '2026-12-20' }), today, now);

    expect(sut.inForceOn('2026-12-19')).toBeNull();
    expect(sut.inForceOn('2026-12-20')?.version).toBe(3);
    expect(sut.inForceOn('2027-02-28')?.version).toBe(1);
    expect(sut.inForceOn('2027-03-01')?.version).toBe(2);
    expect(sut.history().map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('lets a later version with the same effective date correct one not yet in force', () => {
    const sut = CityReserveFloor.restore('city-gz', []);
    sut.change(change({ slotFloor: ratio(1, 5) }), today, now);
    sut.change(change({ slotFloor: ratio(1, 4), reason: '更正：25%' }), today, now);

    expect(sut.inForceOn('2027-01-01')).toMatchObject({ version: 2, slotFloor: ratio(1, 4) });
    expect(sut.history()).toHaveLength(2);
  });

  it('takes effect today at the earliest', () => {
    const sut = fresh();
    expect(sut.change(change({ effectiveFrom: today }), today, now).effectiveFrom).toBe(today);
    expect(violationsOf(() => sut.change(change({ effectiveFrom: '2026-12-03' }), today, now))).toEqual([
      ['effectiveFrom', 'IN_THE_PAST'],
    ]);
    expect(sut.history()).toHaveLength(1);
  });

  it.each([
    ['slotFloor', { slotFloor: ratio(0, 5) }, 'OUT_OF_RANGE'],
    ['slotFloor', { slotFloor: ratio(6, 5) }, 'OUT_OF_RANGE'],
    ['slotFloor', { slotFloor: ratio(1, 0) }, 'OUT_OF_RANGE'],
    ['slotFloor', { slotFloor: undefined }, 'OUT_OF_RANGE'],
    ['bedFloor', { bedFloor: ratio(1.5, 4) }, 'OUT_OF_RANGE'],
    ['effectiveFrom', { effectiveFrom: '2027-02-30' }, 'INVALID_FORMAT'],
    ['effectiveFrom', { effectiveFrom: 'next month' }, 'INVALID_FORMAT'],
    ['reason', { reason: '  ' }, 'REQUIRED'],
    ['reason', { reason: 'x'.repeat(501) }, 'TOO_LONG'],
  ] as const)('refuses a bad %s (%j) and records nothing', (field, overrides, reason) => {
    const sut = fresh();
    expect(violationsOf(() => sut.change(change(overrides), today, now))).toEqual([[field, reason]]);
    expect(sut.history()).toEqual([]);
  });

  it('numbers versions on from the stored ones', () => {
    const sut = fresh();
    const first = sut.change(change(), today, now);
    const restored = CityReserveFloor.restore('city-gz', [first]);
    expect(restored.change(change({ effectiveFrom: '2027-06-01' }), today, now).version).toBe(2);
  });
});
