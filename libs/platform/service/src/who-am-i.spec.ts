import { type Identity } from '@medgrid/auth';
import { whoAmI } from './who-am-i';

describe(whoAmI.name, () => {
  const expiresAt = new Date('2026-12-08T10:00:00Z');

  it('answers every claim of an institution’s clinician and when the token expires', () => {
    const clinician: Identity = {
      subject: 'his-client-1',
      role: 'hospital-staff',
      institutionId: '0193a000-0000-7000-8000-000000000001',
      groupId: '0193a000-0000-7000-8000-0000000000aa',
      practitionerId: '0193a000-0000-7000-8000-0000000000cc',
    };

    const sut = whoAmI(clinician, expiresAt);

    expect(sut).toEqual({
      subject: 'his-client-1',
      role: 'hospital-staff',
      institutionId: '0193a000-0000-7000-8000-000000000001',
      groupId: '0193a000-0000-7000-8000-0000000000aa',
      practitionerId: '0193a000-0000-7000-8000-0000000000cc',
      tokenExpiresAt: expiresAt,
    });
  });

  it('answers a claim the token does not make as empty, as proto3 carries an unset string', () => {
    const operator: Identity = {
      subject: 'operator-1',
      role: 'city-operator',
      institutionId: null,
      groupId: null,
      practitionerId: null,
    };

    const sut = whoAmI(operator, expiresAt);

    expect(sut).toMatchObject({ institutionId: '', groupId: '', practitionerId: '' });
  });
});
