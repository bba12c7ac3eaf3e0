import { refusedFields } from '@medgrid/testing';
import { AddMembershipCommand, type AddMembershipInput } from './add-membership.command';

const valid: AddMembershipInput = {
  groupId: '0193A000-0000-7000-8000-0000000000B1',
  institutionId: '0193A000-0000-7000-8000-0000000000A1',
  role: 'member',
  clientRequestId: '0193A000-0000-7000-8000-00000000C001',
};

describe(AddMembershipCommand.name, () => {
  it('reads ids lower case', () => {
    const sut = AddMembershipCommand.create(valid);

    expect(sut).toEqual({
      groupId: '0193a000-0000-7000-8000-0000000000b1',
      institutionId: '0193a000-0000-7000-8000-0000000000a1',
      role: 'member',
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
    });
  });

  it('reports every bad field of one request together, the request id last as the request carries it', () => {
    expect(
      refusedFields(() =>
        AddMembershipCommand.create({ ...valid, role: undefined, clientRequestId: '', groupId: 'g' }),
      ),
    ).toEqual([
      ['groupId', 'INVALID_FORMAT'],
      ['role', 'REQUIRED'],
      ['clientRequestId', 'REQUIRED'],
    ]);
  });
});
