import { refusedFields } from '@medgrid/testing';
import { RemoveTeamMemberCommand } from './remove-team-member.command';

describe(RemoveTeamMemberCommand.name, () => {
  it('reads ids lower case', () => {
    const sut = RemoveTeamMemberCommand.create({
      teamId: '0193A000-0000-7000-8000-0000000000B1',
      practitionerId: '0193A000-0000-7000-8000-0000000000A1',
      clientRequestId: '0193A000-0000-7000-8000-00000000C001',
    });

    expect(sut).toEqual({
      teamId: '0193a000-0000-7000-8000-0000000000b1',
      practitionerId: '0193a000-0000-7000-8000-0000000000a1',
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
    });
  });

  it('requires a request id beside the team and the practitioner', () => {
    expect(
      refusedFields(() =>
        RemoveTeamMemberCommand.create({ teamId: 'team', practitionerId: '', clientRequestId: 'again' }),
      ),
    ).toEqual([
      ['teamId', 'INVALID_FORMAT'],
      ['practitionerId', 'REQUIRED'],
      ['clientRequestId', 'INVALID_FORMAT'],
    ]);
  });
});
