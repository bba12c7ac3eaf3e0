import { refusedFields } from '@medgrid/testing';
import { ratio } from '../../../capacity/domain/reserve-ratio';
import { SetReservePolicyCommand, type SetReservePolicyInput } from './set-reserve-policy.command';

const input = (patch: Partial<SetReservePolicyInput> = {}): SetReservePolicyInput => ({
  clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
  institutionId: '0193a5c0-0000-7000-8000-0000000000a1',
  slotRatio: ratio(2, 5),
  bedRatio: ratio(1, 4),
  releaseLeadHours: 0,
  overrideReason: '',
  ...patch,
});

describe(SetReservePolicyCommand.name, () => {
  const sut = SetReservePolicyCommand;

  it('reads the policy asked for', () => {
    expect(sut.create(input({ releaseLeadHours: 48 }))).toMatchObject({
      slotRatio: ratio(2, 5),
      bedRatio: ratio(1, 4),
      releaseLeadHours: 48,
    });
  });

  it.each([
    ['slotRatio', { slotRatio: ratio(4, 3) }, 'INVALID_RATIO'],
    ['slotRatio', { slotRatio: ratio(1, 0) }, 'INVALID_RATIO'],
    ['slotRatio', { slotRatio: undefined }, 'REQUIRED'],
    ['bedRatio', { bedRatio: ratio(-1, 4) }, 'INVALID_RATIO'],
    ['bedRatio', { bedRatio: undefined }, 'REQUIRED'],
    ['releaseLeadHours', { releaseLeadHours: 1000 }, 'OUT_OF_RANGE'],
    ['overrideReason', { overrideReason: 'x'.repeat(501) }, 'TOO_LONG'],
  ] as const)('refuses a malformed %s (%j)', (field, patch, reason) => {
    expect(refusedFields(() => sut.create(input(patch)))).toEqual([[field, reason]]);
  });
});
