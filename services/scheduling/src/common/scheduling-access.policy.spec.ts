import { type Identity } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import {
  canChangeClaim,
  canClaimAt,
  canManage,
  canSeeCapacity,
  canSeeClaim,
  canSetCityFloor,
} from './scheduling-access.policy';

const hospital = { id: 'h1', groupId: 'g1' };
const claim = { institutionId: 'h1', groupId: 'g1', requestedBy: 'p1' };

/**
 * Who may do what at hospital h1 of group g1, one row per caller: manage its capacity, see its
 * capacity, claim a slot or bed there for a patient, see the claim p1 made there, and change it (confirm, cancel,
 * leave the waitlist): supervisors see claims but do not change them.
 */
const MATRIX = [
  ['city-operator', null, null, true, true, false, true, false],
  ['group-admin', null, 'g1', true, true, false, true, false],
  ['group-admin', null, 'g2', false, false, false, false, false],
  ['hospital-staff', 'h1', 'g1', true, true, true, true, true],
  ['hospital-staff', 'h2', 'g1', false, true, true, false, false],
  ['partner-system', 'h1', 'g1', true, true, true, true, true],
  ['partner-system', 'h9', 'g2', false, false, false, false, false],
  ['primary-staff', 'p1', 'g1', false, true, true, true, true],
  ['primary-staff', 'p2', 'g1', false, true, true, false, false],
  ['primary-staff', 'p9', 'g2', false, false, false, false, false],
] as const;

/** Each rule of the matrix, the column of its answers and what it is asked about. */
const RULES = [
  [canManage, 3, hospital],
  [canSeeCapacity, 4, hospital],
  [canClaimAt, 5, hospital],
  [canSeeClaim, 6, claim],
  [canChangeClaim, 7, claim],
] as const;

for (const [rule, column, subject] of RULES) {
  describe(rule.name, () => {
    const sut = rule as (identity: Identity, of: typeof subject) => boolean;

    it.each(MATRIX.map((row) => [row[0], row[1], row[2], row[column]] as const))(
      '%s of %s in %s: %s',
      (role, institutionId, groupId, allowed) => {
        expect(sut(anIdentity({ role, institutionId, groupId }), subject)).toBe(allowed);
      },
    );
  });
}

describe(canSetCityFloor.name, () => {
  const sut = canSetCityFloor;

  it.each([
    ['city-operator', null, null, true],
    ['group-admin', 'h1', 'g1', false],
    ['hospital-staff', 'h1', 'g1', false],
    ['partner-system', 'h1', 'g1', false],
    ['primary-staff', 'p1', 'g1', false],
  ] as const)('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
    expect(sut(anIdentity({ role, institutionId, groupId }))).toBe(allowed);
  });
});
