import { anIdentity } from '@medgrid/testing';
import { PurchasingAccess } from './purchasing-access.policy';

describe(PurchasingAccess.name, () => {
  const sut = PurchasingAccess;
  const groupId = '0190a0a0-0000-7000-8000-00000000a001';

  it('lets the staff and systems of an institution of a group raise requisitions, and no administrator or operator', () => {
    const staff = anIdentity({ role: 'primary-staff', groupId });

    expect(sut.requisitioner(staff)).toEqual({ institutionId: staff.institutionId, groupId });
    expect(sut.requisitioner(anIdentity({ role: 'partner-system', groupId })).groupId).toBe(groupId);
    for (const identity of [
      anIdentity({ role: 'group-admin', groupId }),
      anIdentity({ role: 'city-operator', groupId: null }),
      anIdentity({ role: 'hospital-staff', groupId: null }),
    ]) {
      expect(() => sut.requisitioner(identity)).toThrow('your role may not raise a requisition');
    }
  });

  it('makes the group’s administrators its purchasing centre', () => {
    expect(sut.centre(anIdentity({ role: 'group-admin', groupId }), 'place orders')).toBe(groupId);
    expect(() => sut.centre(anIdentity({ role: 'primary-staff', groupId }), 'place orders')).toThrow(
      'your role may not place orders',
    );
    expect(() => sut.centre(anIdentity({ role: 'group-admin', groupId: null }), 'place orders')).toThrow();
  });

  it('shows a requisition to its institution and to its group’s centre only', () => {
    const clinic = anIdentity({ role: 'primary-staff', groupId });

    expect(sut.canReadRequisition(clinic, groupId, clinic.institutionId!)).toBe(true);
    expect(
      sut.canReadRequisition(anIdentity({ role: 'primary-staff', groupId }), groupId, clinic.institutionId!),
    ).toBe(false);
    expect(
      sut.canReadRequisition(anIdentity({ role: 'group-admin', groupId }), groupId, clinic.institutionId!),
    ).toBe(true);
    expect(sut.canReadRequisition(anIdentity({ role: 'group-admin' }), groupId, clinic.institutionId!)).toBe(
      false,
    );
  });
});
