import { refusedFields } from '@medgrid/testing';
import { CreateTeamCommand, type CreateTeamInput } from './create-team.command';

const gp = '0193a000-0000-7000-8000-0000000000a1';
const valid: CreateTeamInput = {
  clientRequestId: '0193a000-0000-7000-8000-00000000c001',
  institutionId: '0193A000-0000-7000-8000-000000000001',
  name: ' 东山一号团队 ',
  members: [{ practitionerId: gp.toUpperCase(), role: 'general-practitioner' }],
};

const refused = (input: Partial<CreateTeamInput>) =>
  refusedFields(() => CreateTeamCommand.create({ ...valid, ...input }));

describe(CreateTeamCommand.name, () => {
  it('reads ids lower case and the name trimmed', () => {
    const sut = CreateTeamCommand.create(valid);

    expect(sut).toEqual({
      clientRequestId: valid.clientRequestId,
      institutionId: '0193a000-0000-7000-8000-000000000001',
      name: '东山一号团队',
      members: [{ practitionerId: gp, role: 'general-practitioner' }],
    });
  });

  it.each<[Partial<CreateTeamInput>, [string, string][]]>([
    [{ institutionId: '' }, [['institutionId', 'REQUIRED']]],
    [{ name: 'x'.repeat(101) }, [['name', 'TOO_LONG']]],
    [{ members: [] }, [['members', 'REQUIRED']]],
    [
      {
        members: [
          { practitionerId: gp, role: 'general-practitioner' },
          { practitionerId: 'p-2', role: undefined },
        ],
      },
      [
        ['members[1].practitionerId', 'INVALID_FORMAT'],
        ['members[1].role', 'REQUIRED'],
      ],
    ],
  ])('refuses %j, naming each member by its place', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });
});
