import { anIdentity } from '@medgrid/testing';
import { LabSharingAccess } from './lab-sharing-access.policy';

/** Clinic c1 of group g1 ordered from the centre hosted by hospital h1 of g1; clinic c9 belongs to no group. */
const order = { orderingInstitutionId: 'c1', groupId: 'g1' };
const centre = { hostInstitutionId: 'h1' };
const site = { id: 'c1', groupId: 'g1' };
const siteOfNoGroup = { id: 'c9', groupId: null };

/** One row per caller: acts for c1, acts for or supervises c1, a party to c1's order at h1's centre. */
const MATRIX = [
  ['city-operator', null, null, false, false, false],
  ['group-admin', 'h1', 'g1', false, true, true],
  ['group-admin', 'h2', 'g2', false, false, false],
  ['primary-staff', 'c1', 'g1', true, true, true],
  ['primary-staff', 'c2', 'g1', false, false, false],
  ['hospital-staff', 'h1', 'g1', false, false, true],
  ['hospital-staff', 'h2', 'g1', false, false, false],
  ['partner-system', 'c1', 'g1', true, true, true],
  ['partner-system', 'h1', 'g1', false, false, true],
] as const;

describe(LabSharingAccess.name, () => {
  const rows = (column: number) => MATRIX.map((row) => [row[0], row[1], row[2], row[column]] as const);

  describe(LabSharingAccess.actsFor.name, () => {
    const sut = LabSharingAccess.actsFor;

    it.each(rows(3))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), 'c1')).toBe(allowed);
    });
  });

  describe(LabSharingAccess.actsForOrSupervises.name, () => {
    const sut = LabSharingAccess.actsForOrSupervises;

    it.each(rows(4))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), site)).toBe(allowed);
    });

    it('lets no group administrator supervise an institution of no group, and the institution act for itself', () => {
      expect(
        sut(anIdentity({ role: 'group-admin', institutionId: 'h1', groupId: 'g1' }), siteOfNoGroup),
      ).toBe(false);
      expect(
        sut(anIdentity({ role: 'primary-staff', institutionId: 'c9', groupId: null }), siteOfNoGroup),
      ).toBe(true);
    });
  });

  describe(LabSharingAccess.isPartyToOrder.name, () => {
    const sut = LabSharingAccess.isPartyToOrder;

    it.each(rows(5))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), order, centre)).toBe(allowed);
    });

    it('leaves only the ordering site a party when the centre is unknown', () => {
      expect(sut(anIdentity({ role: 'hospital-staff', institutionId: 'h1' }), order, null)).toBe(false);
      expect(sut(anIdentity({ role: 'primary-staff', institutionId: 'c1' }), order, null)).toBe(true);
    });
  });
});
