import {
  CityReserveFloor,
  type CityFloorChange,
  effectiveFromProblems,
  floorProblems,
  type ReserveFloors,
} from './city-reserve-floor';
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

describe(CityReserveFloor.name, () => {
  const fresh = () => CityReserveFloor.restore('city-gz', []);

  it('has the deployment default until the city sets a floor of its own', () => {
    expect(fresh().inForceOn(today)).toBeNull();
    expect(fresh().floorsOn(today, deploymentDefault)).toEqual(deploymentDefault);
  });

  it('applies a change from its effective date on, keeping the earlier floor for the days before', () => {
    const sut = fresh();
    const version = sut.change(change(), now);

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
    sut.change(change({ effectiveFrom: '2027-01-01' }), now);
    sut.change(change({ slotFloor: ratio(1, 4), effectiveFrom: '2027-03-01' }), now);
    // Set later but effective earlier: it rules until the next effective date, which stays.
    sut.change(change({ slotFloor: ratio(3, 10), effectiveFrom: '2026-12-20' }), now);

    expect(sut.inForceOn('2026-12-19')).toBeNull();
    expect(sut.inForceOn('2026-12-20')?.version).toBe(3);
    expect(sut.inForceOn('2027-02-28')?.version).toBe(1);
    expect(sut.inForceOn('2027-03-01')?.version).toBe(2);
    expect(sut.history().map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('lets a later version with the same effective date correct one not yet in force', () => {
    const sut = CityReserveFloor.restore('city-gz', []);
    sut.change(change({ slotFloor: ratio(1, 5) }), now);
    sut.change(change({ slotFloor: ratio(1, 4), reason: '更正：25%' }), now);

    expect(sut.inForceOn('2027-01-01')).toMatchObject({ version: 2, slotFloor: ratio(1, 4) });
    expect(sut.history()).toHaveLength(2);
  });

  it('numbers versions on from the stored ones', () => {
    const sut = fresh();
    const first = sut.change(change(), now);
    const restored = CityReserveFloor.restore('city-gz', [first]);
    expect(restored.change(change({ effectiveFrom: '2027-06-01' }), now).version).toBe(2);
  });
});

describe(floorProblems.name, () => {
  const sut = floorProblems;

  it('takes a share above nothing and at most the whole', () => {
    expect(sut(ratio(1, 5), '1/5')).toEqual([]);
    expect(sut(ratio(5, 5), '1/5')).toEqual([]);
  });

  it.each([
    ['nothing', ratio(0, 5)],
    ['more than the whole', ratio(6, 5)],
    ['a zero denominator', ratio(1, 0)],
    ['a fraction of a part', ratio(1.5, 4)],
    ['terms past a millionth, which no column holds (found by fuzzing)', ratio(4294967295, 4294967295)],
    ['no floor at all', undefined],
  ])('refuses %s as OUT_OF_RANGE, showing fitting shares', (_, value) => {
    expect(sut(value, '1/4')).toEqual([
      { reason: 'OUT_OF_RANGE', description: 'must be a share n/d with 0 < n ≤ d ≤ 1000000 (e.g. 1/4)' },
    ]);
  });
});

describe(effectiveFromProblems.name, () => {
  const sut = effectiveFromProblems;

  it('takes effect today at the earliest', () => {
    expect(sut(today, today)).toEqual([]);
    expect(sut('2027-01-01', today)).toEqual([]);
    expect(sut('2026-12-03', today).map((p) => p.reason)).toEqual(['IN_THE_PAST']);
  });

  it.each(['2027-02-30', 'next month', ''])('refuses %j as INVALID_FORMAT', (date) => {
    expect(sut(date, today).map((p) => p.reason)).toEqual(['INVALID_FORMAT']);
  });
});
