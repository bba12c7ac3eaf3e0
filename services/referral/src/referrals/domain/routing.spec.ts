import { type DepartmentEntry, type GroupDirectory, matchDepartment, routeUpward } from './routing';

const LEAD = 'a0000000-0000-7000-8000-000000000001';
const MEMBER = 'a0000000-0000-7000-8000-000000000002';
const CLINIC = 'a0000000-0000-7000-8000-000000000003';
const PROVINCIAL = 'a0000000-0000-7000-8000-000000000004';
const PROVINCIAL_2 = 'a0000000-0000-7000-8000-000000000005';
const OUTSIDER = 'a0000000-0000-7000-8000-000000000009';

const group: GroupDirectory = {
  groupId: 'g-1',
  leadInstitutionId: LEAD,
  members: new Map([
    [LEAD, 'lead'],
    [MEMBER, 'member'],
    [CLINIC, 'member'],
    [PROVINCIAL_2, 'collaborating'],
    [PROVINCIAL, 'collaborating'],
  ]),
};
const departments: DepartmentEntry[] = [
  { id: 'd-lead-cardio', institutionId: LEAD, specialtyCode: '03.04' },
  { id: 'd-lead-internal', institutionId: LEAD, specialtyCode: '03' },
  { id: 'd-prov-psych', institutionId: PROVINCIAL, specialtyCode: '15' },
  { id: 'd-prov2-psych', institutionId: PROVINCIAL_2, specialtyCode: '15' },
  { id: 'd-member-ortho', institutionId: MEMBER, specialtyCode: '04.03' },
];
const request = { referringInstitutionId: CLINIC, institutionId: '', departmentId: '', specialtyCode: '' };

describe(matchDepartment.name, () => {
  const sut = matchDepartment;

  it('prefers the exact subject, then its parent subject, else none', () => {
    expect(sut('03.04', departments, LEAD)).toBe('d-lead-cardio');
    expect(sut('03.07', departments, LEAD)).toBe('d-lead-internal');
    expect(sut('04.03', departments, LEAD)).toBe('');
    expect(sut('', departments, LEAD)).toBe('');
  });
});

describe(routeUpward.name, () => {
  const sut = routeUpward;

  it("sends a referral to the lead hospital's department of the specialty", () => {
    expect(sut({ ...request, specialtyCode: '03.04' }, group, departments)).toEqual({
      institutionId: LEAD,
      departmentId: 'd-lead-cardio',
    });
  });

  it('sends a specialty the lead hospital lacks to a collaborating unit that has it, the same one every time', () => {
    expect(sut({ ...request, specialtyCode: '15' }, group, departments)).toEqual({
      institutionId: PROVINCIAL,
      departmentId: 'd-prov-psych',
    });
  });

  it("leaves a specialty nobody has to the lead hospital's triage", () => {
    expect(sut({ ...request, specialtyCode: '12' }, group, departments)).toEqual({
      institutionId: LEAD,
      departmentId: '',
    });
  });

  it('keeps a named member institution and matches its department', () => {
    expect(sut({ ...request, institutionId: MEMBER, specialtyCode: '04.03' }, group, departments)).toEqual({
      institutionId: MEMBER,
      departmentId: 'd-member-ortho',
    });
  });

  it('finds the institution of a named department', () => {
    expect(sut({ ...request, departmentId: 'd-prov2-psych' }, group, departments)).toEqual({
      institutionId: PROVINCIAL_2,
      departmentId: 'd-prov2-psych',
    });
  });

  it('refuses an institution outside the group, or a department of another institution', () => {
    expect(() => sut({ ...request, institutionId: OUTSIDER }, group, departments)).toThrow(
      expect.objectContaining({ code: 'OUTSIDE_GROUP', category: 'invalid-argument' }) as Error,
    );
    expect(() =>
      sut({ ...request, institutionId: LEAD, departmentId: 'd-member-ortho' }, group, departments),
    ).toThrow(expect.objectContaining({ code: 'OUTSIDE_GROUP' }) as Error);
  });

  it('asks for a named institution while the group has no lead hospital on record', () => {
    expect(() => sut(request, { ...group, leadInstitutionId: null }, departments)).toThrow(
      expect.objectContaining({ code: 'GROUP_NOT_KNOWN', category: 'failed-precondition' }) as Error,
    );
  });
});
