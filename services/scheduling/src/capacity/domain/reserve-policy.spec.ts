import { CapacityError } from './capacity-error';
import { ReservePolicy, type CityReserveRules, type ReservePolicyChange } from './reserve-policy';
import { ratio } from './reserve-ratio';

const rules: CityReserveRules = { slotFloor: ratio(1, 3), bedFloor: ratio(1, 4), releaseLeadHours: 24 };
const now = new Date('2026-11-23T00:00:00Z');
const change = (overrides: Partial<ReservePolicyChange> = {}): ReservePolicyChange => ({
  slotRatio: ratio(2, 5),
  bedRatio: ratio(1, 4),
  releaseLeadHours: 0,
  overrideReason: '',
  actorMayOverride: false,
  actor: 'user-1',
  ...overrides,
});

describe(ReservePolicy.name, () => {
  const fresh = () => ReservePolicy.cityDefault('inst', 'group', rules);

  it('starts at the city floor and default lead time', () => {
    const sut = fresh().snapshot();
    expect(sut.slotRatio).toEqual(ratio(1, 3));
    expect(sut.bedRatio).toEqual(ratio(1, 4));
    expect(sut.releaseLeadHours).toBe(24);
    expect(sut.version).toBe(0);
  });

  it('accepts ratios at or above the floor and keeps the default lead time for 0', () => {
    const sut = fresh();
    sut.change(change({ slotRatio: ratio(1, 3), bedRatio: ratio(3, 10) }), rules, now);
    expect(sut.snapshot()).toMatchObject({ slotRatio: ratio(1, 3), releaseLeadHours: 24, version: 1 });
  });

  it('refuses a slot ratio below the floor without an override, naming the field and the floor', () => {
    const sut = fresh();
    const act = () => sut.change(change({ slotRatio: ratio(1, 5) }), rules, now);
    expect(act).toThrow(CapacityError);
    expect(act).toThrow(/1\/5 is below the city's floor of 1\/3/);
    try {
      act();
    } catch (error) {
      expect((error as CapacityError).violations[0]?.field).toBe('slotRatio');
    }
    expect(sut.snapshot().version).toBe(0);
  });

  it('refuses a bed ratio below the floor without an override', () => {
    expect(() => fresh().change(change({ bedRatio: ratio(1, 5) }), rules, now)).toThrow(/bed|1\/4/);
  });

  it('records a city operator’s override below the floor with its reason and author', () => {
    const sut = fresh();
    sut.change(
      change({
        slotRatio: ratio(1, 5),
        overrideReason: '广州市：20% 号源优先向医疗集团开放',
        actorMayOverride: true,
      }),
      rules,
      now,
    );
    expect(sut.snapshot()).toMatchObject({
      slotRatio: ratio(1, 5),
      overrideReason: '广州市：20% 号源优先向医疗集团开放',
      overrideBy: 'user-1',
      // The override covers the ratio that was below the floor, not the bed ratio at the floor.
      slotOverride: true,
      bedOverride: false,
    });
  });

  it('refuses an override from anyone but a city operator', () => {
    expect(() =>
      fresh().change(change({ slotRatio: ratio(1, 5), overrideReason: 'we want less' }), rules, now),
    ).toThrow(expect.objectContaining({ code: 'OVERRIDE_NOT_ALLOWED' }) as Error);
  });

  it('drops a stale override once the ratios are back above the floor', () => {
    const sut = fresh();
    sut.change(
      change({ slotRatio: ratio(1, 5), overrideReason: 'pilot', actorMayOverride: true }),
      rules,
      now,
    );
    sut.change(change({ actorMayOverride: true }), rules, now);
    expect(sut.snapshot()).toMatchObject({
      overrideReason: '',
      overrideBy: '',
      slotOverride: false,
      bedOverride: false,
      version: 2,
    });
  });
});
