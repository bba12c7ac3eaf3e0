import { type Candidate, FamilyDoctorTeam } from './family-doctor-team';
import { type WorkforceError } from './workforce-error';
import { type InstitutionPlace, practisingRight } from './practitioner';

const group = '0193a000-0000-7000-8000-0000000000aa';
const otherGroup = '0193a000-0000-7000-8000-0000000000bb';
const centre: InstitutionPlace = {
  id: '0193a000-0000-7000-8000-000000000010',
  level: 'primary',
  groupId: group,
};
const hospital: InstitutionPlace = {
  id: '0193a000-0000-7000-8000-000000000001',
  level: 'tertiary',
  groupId: group,
};
const otherCentre: InstitutionPlace = {
  id: '0193a000-0000-7000-8000-000000000011',
  level: 'primary',
  groupId: group,
};
const farHospital: InstitutionPlace = {
  id: '0193a000-0000-7000-8000-000000000002',
  level: 'tertiary',
  groupId: otherGroup,
};

let n = 0;
const from = (home: InstitutionPlace): Candidate => ({
  practitionerId: `0193a000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  home,
});

describe(FamilyDoctorTeam.name, () => {
  it('forms "1+1+1": a GP of the centre, a specialist sent down, a health manager', () => {
    const sut = FamilyDoctorTeam.create({ id: 't1', name: '王医生团队', base: centre }, [
      { candidate: from(centre), role: 'general-practitioner' },
      { candidate: from(hospital), role: 'specialist' },
      { candidate: from(otherCentre), role: 'health-manager' },
    ]);

    expect(sut.snapshot()).toMatchObject({ groupId: group, institutionId: centre.id, version: 1 });
    expect(sut.snapshot().members.map((m) => m.role)).toEqual([
      'general-practitioner',
      'specialist',
      'health-manager',
    ]);
    expect(sut.pullEvents()).toEqual([{ change: 'created', team: sut.snapshot() }]);
  });

  it('is based only at a primary institution of a group', () => {
    expect(() => FamilyDoctorTeam.create({ id: 't', name: 'x', base: hospital }, [])).toThrow(
      expect.objectContaining({ code: 'TEAM_MUST_BE_AT_PRIMARY_INSTITUTION' }) as Error,
    );
    expect(() =>
      FamilyDoctorTeam.create({ id: 't', name: 'x', base: { ...centre, groupId: null } }, []),
    ).toThrow(expect.objectContaining({ code: 'INSTITUTION_NOT_IN_A_GROUP' }) as Error);
  });

  it('needs at least one general practitioner', () => {
    expect(() =>
      FamilyDoctorTeam.create({ id: 't', name: 'x', base: centre }, [
        { candidate: from(hospital), role: 'specialist' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'TEAM_NEEDS_GENERAL_PRACTITIONER' }) as Error);
  });

  it.each<[string, InstitutionPlace, 'general-practitioner' | 'specialist' | 'health-manager']>([
    ['a GP from another centre', otherCentre, 'general-practitioner'],
    ['a specialist from a primary institution', otherCentre, 'specialist'],
    ['a specialist from another group', farHospital, 'specialist'],
    ['a health manager from another group', farHospital, 'health-manager'],
  ])('refuses %s', (_, home, role) => {
    const sut = FamilyDoctorTeam.create({ id: 't', name: 'x', base: centre }, [
      { candidate: from(centre), role: 'general-practitioner' },
    ]);

    expect(() => sut.addMember(from(home), role)).toThrow(
      expect.objectContaining({ code: 'MEMBER_DOES_NOT_FIT_ROLE' }) as Error,
    );
  });

  it('keeps its last general practitioner', () => {
    const gp = from(centre);
    const sut = FamilyDoctorTeam.create({ id: 't', name: 'x', base: centre }, [
      { candidate: gp, role: 'general-practitioner' },
    ]);
    sut.addMember(from(hospital), 'specialist');

    expect(() => sut.removeMember(gp.practitionerId)).toThrow(
      expect.objectContaining({ code: 'TEAM_NEEDS_GENERAL_PRACTITIONER' }) as Error,
    );
  });

  it('refuses the same practitioner twice and a removal of a stranger', () => {
    const gp = from(centre);
    const sut = FamilyDoctorTeam.create({ id: 't', name: 'x', base: centre }, [
      { candidate: gp, role: 'general-practitioner' },
    ]);

    expect(() => sut.addMember(gp, 'health-manager')).toThrow(
      expect.objectContaining({ code: 'ALREADY_A_TEAM_MEMBER' }) as Error,
    );
    expect(() => sut.removeMember('nobody')).toThrow(
      expect.objectContaining({ code: 'NOT_A_TEAM_MEMBER' }) as Error,
    );
  });

  describe('names the practitioner it refuses as the request sent it', () => {
    const fieldOf = (act: () => unknown): string | undefined => {
      try {
        act();
      } catch (error) {
        return (error as WorkforceError).violations[0]?.field;
      }
      return undefined;
    };

    it('members[i].practitionerId when forming a team', () => {
      const gp = from(centre);

      expect(
        fieldOf(() =>
          FamilyDoctorTeam.create({ id: 't', name: 'x', base: centre }, [
            { candidate: gp, role: 'general-practitioner' },
            { candidate: from(farHospital), role: 'specialist' },
          ]),
        ),
      ).toBe('members[1].practitionerId');
      expect(
        fieldOf(() =>
          FamilyDoctorTeam.create({ id: 't', name: 'x', base: centre }, [
            { candidate: gp, role: 'general-practitioner' },
            { candidate: from(hospital), role: 'specialist' },
            { candidate: gp, role: 'health-manager' },
          ]),
        ),
      ).toBe('members[2].practitionerId');
    });

    it('member.practitionerId when adding one, practitionerId when removing one', () => {
      const gp = from(centre);
      const sut = FamilyDoctorTeam.create({ id: 't', name: 'x', base: centre }, [
        { candidate: gp, role: 'general-practitioner' },
      ]);

      expect(fieldOf(() => sut.addMember(from(farHospital), 'health-manager'))).toBe('member.practitionerId');
      expect(fieldOf(() => sut.addMember(gp, 'specialist'))).toBe('member.practitionerId');
      expect(fieldOf(() => sut.removeMember(gp.practitionerId))).toBe('practitionerId');
      expect(fieldOf(() => sut.removeMember('nobody'))).toBe('practitionerId');
    });
  });

  it('counts versions and records each change', () => {
    const sut = FamilyDoctorTeam.create({ id: 't', name: 'x', base: centre }, [
      { candidate: from(centre), role: 'general-practitioner' },
    ]);
    const specialist = from(hospital);

    sut.addMember(specialist, 'specialist');
    sut.removeMember(specialist.practitionerId);

    expect(sut.snapshot().version).toBe(3);
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['created', 'member-added', 'member-removed']);
  });
});

describe(practisingRight.name, () => {
  const sut = practisingRight;

  it.each<[InstitutionPlace, InstitutionPlace, boolean, string]>([
    [hospital, hospital, true, 'home institution'],
    [hospital, centre, true, 'same medical group'],
    [hospital, farHospital, false, 'different medical group'],
    [{ ...hospital, groupId: null }, centre, false, 'home institution is in no medical group'],
  ])('home %j at %j: %s', (home, at, allowed, reason) => {
    expect(sut(home, at)).toEqual({ allowed, reason });
  });
});
