import { anIdentity } from '@medgrid/testing';
import { SlotHoldRequest } from '../../domain/slot-hold-request';
import { type SlotHoldRequestRepository } from '../../domain/slot-hold-request.repository';
import { GetSlotHoldRequestUseCase } from './get-slot-hold-request.use-case';

describe(GetSlotHoldRequestUseCase.name, () => {
  const groupId = '0193a000-0000-7000-8000-0000000000aa';
  const request = SlotHoldRequest.request({
    id: '0193a000-0000-7000-8000-000000000201',
    referralId: '0193a000-0000-7000-8000-000000000101',
    groupId,
    institutionId: '0193a000-0000-7000-8000-000000000002',
    sourceEventId: '0193a000-0000-7000-8000-0000000e0001',
    requestedAt: new Date('2026-11-23T01:00:00Z'),
  });
  const repository: SlotHoldRequestRepository = {
    insertIfAbsent: () => Promise.resolve(true),
    findByReferral: (id) => Promise.resolve(id === request.snapshot().referralId ? request : null),
  };
  const sut = new GetSlotHoldRequestUseCase(repository);

  it('shows a group member the hold request of a referral in the group', async () => {
    await expect(sut.execute(anIdentity({ groupId }), request.snapshot().referralId)).resolves.toEqual(
      request.snapshot(),
    );
  });

  it('answers not found to another group, so ids cannot be probed', async () => {
    await expect(sut.execute(anIdentity(), request.snapshot().referralId)).rejects.toMatchObject({
      code: 'HOLD_REQUEST_NOT_FOUND',
      category: 'not-found',
    });
  });

  it('refuses a referral id that is not a UUID', async () => {
    await expect(sut.execute(anIdentity({ groupId }), 'ref-1')).rejects.toMatchObject({
      category: 'invalid-argument',
    });
  });
});
