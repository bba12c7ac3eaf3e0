import { type RegistryScope, scopeViolations } from './account-scope';

describe(scopeViolations.name, () => {
  const sut = scopeViolations;
  const grid = '0193a000-0000-7000-8000-0000000000a1';
  const otherCityGrid = '0193a000-0000-7000-8000-0000000000b1';
  const groupId = '0193a000-0000-7000-8000-000000000002';
  const institutionId = '0193a000-0000-7000-8000-000000000001';
  const scope = (changes: Partial<RegistryScope> = {}): RegistryScope => ({
    cityGridIds: [grid],
    institution: { id: institutionId, gridId: grid, groupId },
    group: { id: groupId, gridId: grid, memberInstitutionIds: [institutionId] },
    ...changes,
  });
  const reasons = (found: ReturnType<typeof sut>) => found.map((v) => `${v.field}:${v.reason}`);

  it('admits an institution that is a member of a group, both of the city', () => {
    expect(sut(scope())).toEqual([]);
  });

  it('admits a collaborating institution, listed among the members but of no group of its own', () => {
    expect(sut(scope({ institution: { id: institutionId, gridId: grid, groupId: null } }))).toEqual([]);
  });

  it('refuses an institution and a group the registry does not know, both at once', () => {
    expect(reasons(sut(scope({ institution: null, group: null })))).toEqual([
      'institutionId:UNKNOWN_INSTITUTION',
      'groupId:UNKNOWN_GROUP',
    ]);
  });

  it("refuses another city's institution and group as if unknown", () => {
    const found = sut(
      scope({
        institution: { id: institutionId, gridId: otherCityGrid, groupId },
        group: { id: groupId, gridId: otherCityGrid, memberInstitutionIds: [institutionId] },
      }),
    );

    expect(reasons(found)).toEqual(['institutionId:UNKNOWN_INSTITUTION', 'groupId:UNKNOWN_GROUP']);
  });

  it('refuses an institution of the city that is not a member of the group', () => {
    const found = sut(
      scope({
        institution: { id: institutionId, gridId: grid, groupId: '0193a000-0000-7000-8000-000000000009' },
        group: { id: groupId, gridId: grid, memberInstitutionIds: [] },
      }),
    );

    expect(reasons(found)).toEqual(['institutionId:NOT_IN_GROUP']);
    expect(found[0]!.description).toMatch(/not a member/);
  });
});
