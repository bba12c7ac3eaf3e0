import { refusedFields } from '@medgrid/testing';
import { ratio } from '../../domain/reserve-ratio';
import { SetCityReserveFloorCommand, type SetCityReserveFloorInput } from './set-city-reserve-floor.command';

// 10:00 on 4 Dec 2026 in Shanghai.
const now = new Date('2026-12-04T02:00:00Z');
const input = (overrides: Partial<SetCityReserveFloorInput> = {}): SetCityReserveFloorInput => ({
  clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
  cityId: '0193A5C0-0000-7000-8000-0000000000C1',
  slotFloor: ratio(1, 5),
  bedFloor: ratio(1, 4),
  effectiveFrom: '2027-01-01',
  reason: '  专科号源 20% 优先向医联体开放 ',
  ...overrides,
});

describe(SetCityReserveFloorCommand.name, () => {
  const sut = SetCityReserveFloorCommand;

  it('reads the request: ids lower case, the reason trimmed', () => {
    expect(sut.create(input(), now)).toEqual({
      clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
      cityId: '0193a5c0-0000-7000-8000-0000000000c1',
      slotFloor: ratio(1, 5),
      bedFloor: ratio(1, 4),
      effectiveFrom: '2027-01-01',
      reason: '专科号源 20% 优先向医联体开放',
    });
  });

  it('takes effect today (Asia/Shanghai) at the earliest', () => {
    expect(sut.create(input({ effectiveFrom: '2026-12-04' }), now).effectiveFrom).toBe('2026-12-04');
    expect(refusedFields(() => sut.create(input({ effectiveFrom: '2026-12-03' }), now))).toEqual([
      ['effectiveFrom', 'IN_THE_PAST'],
    ]);
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
    ['cityId', { cityId: 'guangzhou' }, 'INVALID_FORMAT'],
    ['clientRequestId', { clientRequestId: '' }, 'REQUIRED'],
  ] as const)('refuses a bad %s (%j)', (field, overrides, reason) => {
    expect(refusedFields(() => sut.create(input(overrides), now))).toEqual([[field, reason]]);
  });

  it('reports every bad field at once, in the order of the request', () => {
    expect(
      refusedFields(() =>
        sut.create(input({ cityId: 'x', bedFloor: undefined, effectiveFrom: '2020-01-01', reason: '' }), now),
      ),
    ).toEqual([
      ['cityId', 'INVALID_FORMAT'],
      ['bedFloor', 'OUT_OF_RANGE'],
      ['effectiveFrom', 'IN_THE_PAST'],
      ['reason', 'REQUIRED'],
    ]);
  });
});
