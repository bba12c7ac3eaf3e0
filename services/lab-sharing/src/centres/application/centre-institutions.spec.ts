import { type KnownGroup, type KnownInstitution, type RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { CentreError, CentreErrorCode } from '../domain/centre-error';
import { CentreInstitutions } from './centre-institutions';

function registryOf(institutions: KnownInstitution[], groups: KnownGroup[]): RegistryView {
  return {
    institution: (id: string) => Promise.resolve(institutions.find((i) => i.id === id) ?? null),
    group: (id: string) => Promise.resolve(groups.find((g) => g.id === id) ?? null),
  } as unknown as RegistryView;
}

const institution = (overrides: Partial<KnownInstitution> = {}): KnownInstitution => ({
  id: uuidv7(),
  groupId: null,
  level: 'secondary',
  type: 'general-hospital',
  version: 1,
  ...overrides,
});

describe(CentreInstitutions.name, () => {
  const lead = institution({ level: 'tertiary' });
  const member = institution({ level: 'primary', type: 'community-health-centre' });
  const partner = institution({ level: 'tertiary' });
  const centreInstitution = institution({ level: 'unknown', type: 'shared-centre' });
  const stranger = institution();
  const group: KnownGroup = {
    id: uuidv7(),
    gridId: uuidv7(),
    leadInstitutionId: lead.id,
    members: [
      { institutionId: member.id, role: 'member' },
      { institutionId: partner.id, role: 'collaborating' },
      { institutionId: centreInstitution.id, role: 'member' },
    ],
    version: 3,
  };
  const sut = new CentreInstitutions(
    registryOf([lead, member, partner, centreInstitution, stranger], [group]),
  );

  it.each([
    ['the lead named by the group', lead, 'lead'],
    ['a member', member, 'member'],
    ['a collaborating unit', partner, 'collaborating'],
    ['an institution the group does not list', stranger, null],
  ] as const)('judges %s by its place in the group', async (_, known, roleInGroup) => {
    expect(await sut.inGroup(group, known.id, 'hostInstitutionId')).toEqual({
      institutionId: known.id,
      level: known.level,
      sharedCentreInstitution: false,
      roleInGroup,
    });
  });

  it('knows a dedicated shared-centre institution by its registry type', async () => {
    expect(await sut.inGroup(group, centreInstitution.id, 'hostInstitutionId')).toMatchObject({
      sharedCentreInstitution: true,
      roleInGroup: 'member',
    });
  });

  it('refuses an institution or a group the registry has not announced, naming the field', async () => {
    const refusal = (error: unknown) => {
      expect(error).toBeInstanceOf(CentreError);
      const { code, violations } = error as CentreError;
      return [code, violations[0]?.field];
    };

    expect(
      refusal(await sut.inGroup(group, uuidv7(), 'servedInstitutionIds[2]').catch((e: unknown) => e)),
    ).toEqual([CentreErrorCode.UnknownInstitution, 'servedInstitutionIds[2]']);
    expect(refusal(await sut.group(uuidv7()).catch((e: unknown) => e))).toEqual([
      CentreErrorCode.UnknownGroup,
      'groupId',
    ]);
  });
});
