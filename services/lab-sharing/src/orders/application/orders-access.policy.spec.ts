import { anIdentity } from '@medgrid/testing';
import { type OrderSnapshot } from '../domain/order';
import { OrdersAccess } from './orders-access.policy';

/** Clinic c1 of group g1 ordered from the centre hosted by hospital h1 of g1. */
const order = { orderingInstitutionId: 'c1', groupId: 'g1' } as OrderSnapshot;
const centre = { groupId: 'g1', hostInstitutionId: 'h1' };
const site = { id: 'c1', groupId: 'g1' };

/**
 * One row per caller: act for site c1 (place, perform, cancel), read the order, list c1's orders, list the
 * centre's orders.
 */
const MATRIX = [
  ['city-operator', null, null, false, false, false, false],
  ['group-admin', null, 'g1', false, true, true, true],
  ['group-admin', null, 'g2', false, false, false, false],
  ['primary-staff', 'c1', 'g1', true, true, true, false],
  ['primary-staff', 'c2', 'g1', false, false, false, false],
  ['hospital-staff', 'c1', 'g1', true, true, true, false],
  ['hospital-staff', 'h1', 'g1', false, true, false, true],
  ['hospital-staff', 'h2', 'g1', false, false, false, false],
  ['partner-system', 'c1', 'g1', true, true, true, false],
  ['partner-system', 'h1', 'g1', false, true, false, true],
  ['partner-system', 'x9', 'g2', false, false, false, false],
] as const;

describe(OrdersAccess.name, () => {
  const rows = (column: number) => MATRIX.map((row) => [row[0], row[1], row[2], row[column]] as const);

  describe(OrdersAccess.canActForSite.name, () => {
    const sut = OrdersAccess.canActForSite;

    it.each(rows(3))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), 'c1')).toBe(allowed);
    });
  });

  describe(OrdersAccess.canSee.name, () => {
    const sut = OrdersAccess.canSee;

    it.each(rows(4))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), order, centre)).toBe(allowed);
    });

    it('lets only the ordering site read an order whose centre is unknown', () => {
      expect(sut(anIdentity({ role: 'hospital-staff', institutionId: 'h1' }), order, null)).toBe(false);
      expect(sut(anIdentity({ role: 'primary-staff', institutionId: 'c1' }), order, null)).toBe(true);
    });
  });

  describe(OrdersAccess.canListSite.name, () => {
    const sut = OrdersAccess.canListSite;

    it.each(rows(5))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), site)).toBe(allowed);
    });
  });

  describe(OrdersAccess.canListCentre.name, () => {
    const sut = OrdersAccess.canListCentre;

    it.each(rows(6))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), centre)).toBe(allowed);
    });
  });
});
