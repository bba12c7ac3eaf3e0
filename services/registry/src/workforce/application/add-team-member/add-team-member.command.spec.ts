import { refusedFields } from '@medgrid/testing';
import { AddTeamMemberCommand } from './add-team-member.command';

const teamId = '0193a000-0000-7000-8000-0000000000b1';
const clientRequestId = '0193a000-0000-7000-8000-00000000c001';

describe(AddTeamMemberCommand.name, () => {
  it('reads ids lower case', () => {
    const sut = AddTeamMemberCommand.create({
      teamId: teamId.toUpperCase(),
      member: { practitionerId: '0193A000-0000-7000-8000-0000000000A1', role: 'specialist' },
      clientRequestId: clientRequestId.toUpperCase(),
    });

    expect(sut).toEqual({
      teamId,
      member: { practitionerId: '0193a000-0000-7000-8000-0000000000a1', role: 'specialist' },
      clientRequestId,
    });
  });

  it('names the member’s fields, from the request’s member', () => {
    expect(
      refusedFields(() =>
        AddTeamMemberCommand.create({
          teamId,
          member: { practitionerId: 'x', role: undefined },
          clientRequestId,
        }),
      ),
    ).toEqual([
      ['member.practitionerId', 'INVALID_FORMAT'],
      ['member.role', 'REQUIRED'],
    ]);
  });

  it('requires both fields of a member the request does not carry, and the request id', () => {
    expect(
      refusedFields(() =>
        AddTeamMemberCommand.create({ teamId: '', member: undefined, clientRequestId: '' }),
      ),
    ).toEqual([
      ['teamId', 'REQUIRED'],
      ['member.practitionerId', 'REQUIRED'],
      ['member.role', 'REQUIRED'],
      ['clientRequestId', 'REQUIRED'],
    ]);
  });
});
