import { anIdentity } from '@medgrid/testing';
import {
  canClaimAt,
  canManage,
  canSeeCapacity,
  canSeeClaim,
  canSetCityFloor,
} from './scheduling-access.policy';

const hospital = { id: 'h1', groupId: 'g1' };
const claim = { institutionId: 'h1', groupId: 'g1', requestedBy: 'p1' };

describe('scheduling access policy', () => {
  it.each([
    ['city-operator', null, null, true, true, false, true],
    ['group-admin', null, 'g1', true, true, false, true],
    ['group-admin', null, 'g2', false, false, false, false],
    ['hospital-staff', 'h1', 'g1', true, true, true, true],
    ['hospital-staff', 'h2', 'g1', false, true, true, false],
    ['partner-system', 'h1', 'g1', true, true, true, true],
    ['partner-system', 'h9', 'g2', false, false, false, false],
    ['primary-staff', 'p1', 'g1', false, true, true, true],
    ['primary-staff', 'p2', 'g1', false, true, true, false],
    ['primary-staff', 'p9', 'g2', false, false, false, false],
  ] as const)(
    '%s of %s in %s: manage %s, see capacity %s, claim for a patient %s, see claim %s',
    (role, institutionId, groupId, manage, see, claimFor, seeClaim) => {
      const identity = anIdentity({ role, institutionId, groupId });
      expect(canManage(identity, hospital)).toBe(manage);
      expect(canSeeCapacity(identity, hospital)).toBe(see);
      expect(canClaimAt(identity, hospital)).toBe(claimFor);
      expect(canSeeClaim(identity, claim)).toBe(seeClaim);
    },
  );

  it.each([
    ['city-operator', null, null, true],
    ['group-admin', 'h1', 'g1', false],
    ['hospital-staff', 'h1', 'g1', false],
    ['partner-system', 'h1', 'g1', false],
    ['primary-staff', 'p1', 'g1', false],
  ] as const)('%s of %s in %s: set a city floor %s', (role, institutionId, groupId, allowed) => {
    expect(canSetCityFloor(anIdentity({ role, institutionId, groupId }))).toBe(allowed);
  });
});
