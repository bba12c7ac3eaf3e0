import { CityReserveFloor } from './city-reserve-floor';
import { HospitalReserve } from './hospital-reserve';
import { type CityReserveRules, ReservePolicy, type ReservePolicySnapshot } from './reserve-policy';
import { ratio } from './reserve-ratio';

const deploymentDefault: CityReserveRules = {
  slotFloor: ratio(1, 3),
  bedFloor: ratio(1, 4),
  releaseLeadHours: 24,
};
const now = new Date('2026-12-04T02:00:00Z');
const today = '2026-12-04';

/** Guangzhou: 20% of slots from 2027-01-01 on; 1/4 of beds as before. */
const guangzhou = () => {
  const floor = CityReserveFloor.restore('gz', []);
  floor.change(
    {
      slotFloor: ratio(1, 5),
      bedFloor: ratio(1, 4),
      effectiveFrom: '2027-01-01',
      reason: '专科号源 20% 优先向医联体开放',
      actor: 'op',
      actorRole: 'city-operator',
    },
    now,
  );
  return floor;
};

/** A hospital policy set against the deployment's floors (today's, before the city's change). */
const policy = (
  slotRatio = ratio(2, 5),
  bedRatio = ratio(1, 4),
  override: { reason: string } | null = null,
): ReservePolicySnapshot => {
  const p = ReservePolicy.cityDefault('h1', 'g1', deploymentDefault);
  p.change(
    {
      slotRatio,
      bedRatio,
      releaseLeadHours: 12,
      overrideReason: override?.reason ?? '',
      actorMayOverride: override !== null,
      actor: 'someone',
    },
    deploymentDefault,
    now,
  );
  return p.snapshot();
};

const reserve = (stored: ReservePolicySnapshot | null, city: CityReserveFloor | null = guangzhou()) =>
  new HospitalReserve('h1', 'g1', city ? 'gz' : null, stored, city, deploymentDefault);

describe(HospitalReserve.name, () => {
  it('without a policy of its own reserves its city’s floor of each day', () => {
    const sut = reserve(null);
    expect(sut.shareOn('2026-12-31')).toEqual({ slotRatio: ratio(1, 3), bedRatio: ratio(1, 4) });
    expect(sut.shareOn('2027-01-01')).toEqual({ slotRatio: ratio(1, 5), bedRatio: ratio(1, 4) });
    expect(sut.releaseLeadHours).toBe(24);
  });

  it('falls back to the deployment default when its city is unknown or set no floor', () => {
    expect(reserve(null, null).shareOn('2027-01-01').slotRatio).toEqual(ratio(1, 3));
    expect(reserve(null, CityReserveFloor.restore('gz', [])).shareOn('2027-01-01').slotRatio).toEqual(
      ratio(1, 3),
    );
  });

  it('keeps a hospital ratio above the floor: a hospital may send down more than its city asks', () => {
    const sut = reserve(policy(ratio(2, 5)));
    expect(sut.shareOn('2026-12-31').slotRatio).toEqual(ratio(2, 5));
    expect(sut.shareOn('2027-01-01').slotRatio).toEqual(ratio(2, 5));
    expect(sut.releaseLeadHours).toBe(12);
  });

  it('lifts a hospital ratio to a floor the city raised above it', () => {
    const raised = CityReserveFloor.restore('gz', []);
    raised.change(
      {
        slotFloor: ratio(1, 2),
        bedFloor: ratio(3, 10),
        effectiveFrom: '2027-01-01',
        reason: '提高下沉比例',
        actor: 'op',
        actorRole: 'city-operator',
      },
      now,
    );
    const sut = reserve(policy(ratio(2, 5), ratio(1, 4)), raised);
    expect(sut.shareOn('2026-12-31')).toEqual({ slotRatio: ratio(2, 5), bedRatio: ratio(1, 4) });
    expect(sut.shareOn('2027-01-01')).toEqual({ slotRatio: ratio(1, 2), bedRatio: ratio(3, 10) });
  });

  it('keeps a ratio a city operator let below the floor, and only that ratio', () => {
    const overridden = policy(ratio(1, 5), ratio(1, 4), { reason: '试点医院' });
    expect(overridden).toMatchObject({ slotOverride: true, bedOverride: false });
    const raised = CityReserveFloor.restore('gz', []);
    raised.change(
      {
        slotFloor: ratio(2, 5),
        bedFloor: ratio(3, 10),
        effectiveFrom: today,
        reason: '提高下沉比例',
        actor: 'op',
        actorRole: 'city-operator',
      },
      now,
    );
    expect(reserve(overridden, raised).shareOn(today)).toEqual({
      slotRatio: ratio(1, 5),
      bedRatio: ratio(3, 10),
    });
  });

  it('judges a policy change against the floors in force on the day it is made', () => {
    const sut = reserve(null);
    expect(sut.rulesOn('2026-12-31')).toEqual(deploymentDefault);
    expect(sut.rulesOn('2027-01-01')).toEqual({ ...deploymentDefault, slotFloor: ratio(1, 5) });
    expect(sut.policyOn('2027-01-01')).toMatchObject({ slotRatio: ratio(1, 5), version: 0 });
  });
});
