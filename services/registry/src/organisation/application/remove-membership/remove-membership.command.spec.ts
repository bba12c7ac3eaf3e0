import { refusedFields } from '@medgrid/testing';
import { RemoveMembershipCommand } from './remove-membership.command';

describe(RemoveMembershipCommand.name, () => {
  it('reads ids lower case', () => {
    const sut = RemoveMembershipCommand.create({
      groupId: '0193A000-0000-7000-8000-0000000000B1',
      institutionId: '0193A000-0000-7000-8000-0000000000A1',
      clientRequestId: '0193A000-0000-7000-8000-00000000C001',
    });

    expect(sut).toEqual({
      groupId: '0193a000-0000-7000-8000-0000000000b1',
      institutionId: '0193a000-0000-7000-8000-0000000000a1',
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
    });
  });

  it('requires a request id beside the group and the institution', () => {
    expect(
      refusedFields(() =>
        RemoveMembershipCommand.create({ groupId: '', institutionId: 'x', clientRequestId: '' }),
      ),
    ).toEqual([
      ['groupId', 'REQUIRED'],
      ['institutionId', 'INVALID_FORMAT'],
      ['clientRequestId', 'REQUIRED'],
    ]);
  });
});
