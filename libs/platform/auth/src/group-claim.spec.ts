import { AuthErrorCode } from './auth-error';
import { groupClaimRefusal, type InstitutionStanding } from './group-claim';
import { type Identity, type Role } from './identity';

const clinic = '0193a000-0000-7000-8000-000000000001';
const groupA = '0193a000-0000-7000-8000-0000000000aa';
const groupB = '0193a000-0000-7000-8000-0000000000bb';
const groupC = '0193a000-0000-7000-8000-0000000000cc';

const caller = (role: Role, institutionId: string | null, groupId: string | null): Identity => ({
  subject: 'test',
  role,
  institutionId,
  groupId,
  practitionerId: null,
});
const memberOfA: InstitutionStanding = { belongsTo: [groupA], collaboratesWith: [] };
// A provincial hospital: in no group of its own, collaborating with A and B.
const collaborator: InstitutionStanding = { belongsTo: [], collaboratesWith: [groupA, groupB] };

/** The refusal's code and gRPC-facing category, or 'admitted'. */
function verdict(identity: Identity, standing: InstitutionStanding | null, authoritative = false) {
  const refusal = groupClaimRefusal(identity, standing, authoritative);
  return refusal ? [refusal.code, refusal.category] : 'admitted';
}

describe(groupClaimRefusal.name, () => {
  const sut = groupClaimRefusal;

  const roles: Role[] = ['primary-staff', 'hospital-staff', 'partner-system', 'group-admin', 'city-operator'];

  it.each(roles)('admits %s acting for the group its institution belongs to', (role) => {
    expect(verdict(caller(role, clinic, groupA), memberOfA)).toBe('admitted');
  });

  it.each(roles)('refuses %s claiming a group its institution is not in', (role) => {
    expect(verdict(caller(role, clinic, groupB), memberOfA)).toEqual([
      AuthErrorCode.GroupClaimMismatch,
      'permission-denied',
    ]);
  });

  it.each<Role>(['primary-staff', 'hospital-staff', 'partner-system'])(
    'admits %s of a collaborating unit acting for any group it collaborates with, and no other',
    (role) => {
      expect(verdict(caller(role, clinic, groupA), collaborator)).toBe('admitted');
      expect(verdict(caller(role, clinic, groupB), collaborator)).toBe('admitted');
      expect(verdict(caller(role, clinic, groupC), collaborator)).toEqual([
        AuthErrorCode.GroupClaimMismatch,
        'permission-denied',
      ]);
    },
  );

  it('refuses a group administrator whose institution only collaborates with the group', () => {
    const refusal = sut(caller('group-admin', clinic, groupA), collaborator, false);

    expect(refusal).toMatchObject({ code: AuthErrorCode.GroupClaimMismatch, category: 'permission-denied' });
    expect(refusal?.message).toMatch(/only collaborates/);
  });

  it('needs no look-up for a token without an institution or without a group (city operators)', () => {
    expect(verdict(caller('city-operator', null, null), null, true)).toBe('admitted');
    expect(verdict(caller('city-operator', null, groupA), null, true)).toBe('admitted');
    expect(verdict(caller('city-operator', clinic, null), null, true)).toBe('admitted');
  });

  it('checks a city operator that does claim an institution and a group like anyone else', () => {
    expect(verdict(caller('city-operator', clinic, groupB), memberOfA)).toEqual([
      AuthErrorCode.GroupClaimMismatch,
      'permission-denied',
    ]);
  });

  it('refuses an unknown institution: for good in the registry, as "not yet" in a projection', () => {
    expect(verdict(caller('primary-staff', clinic, groupA), null, true)).toEqual([
      AuthErrorCode.InstitutionNotKnown,
      'permission-denied',
    ]);
    expect(verdict(caller('primary-staff', clinic, groupA), null, false)).toEqual([
      AuthErrorCode.InstitutionNotKnownYet,
      'unavailable',
    ]);
  });

  it('admits either group while a lagging projection shows the institution in two', () => {
    const moving: InstitutionStanding = { belongsTo: [groupA, groupB], collaboratesWith: [] };

    expect(verdict(caller('primary-staff', clinic, groupA), moving)).toBe('admitted');
    expect(verdict(caller('primary-staff', clinic, groupB), moving)).toBe('admitted');
  });

  it('refuses an institution in no group at all, whatever it claims', () => {
    expect(
      verdict(caller('hospital-staff', clinic, groupA), { belongsTo: [], collaboratesWith: [] }),
    ).toEqual([AuthErrorCode.GroupClaimMismatch, 'permission-denied']);
  });
});
