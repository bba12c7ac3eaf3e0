import { describe, expect, it } from 'vitest';
import { type Referral } from '../api/portal-types';
import { institutionInScope, institutionsIn, isHospital, referralInScope } from './scope';

const facts = {
  institutions: [],
  groupGrid: new Map([
    ['group-huangpu', 'grid-huangpu'],
    ['group-panyu', 'grid-panyu'],
  ]),
};
const referral: Referral = {
  id: 'r1',
  groupId: 'group-huangpu',
  referringInstitutionId: 'centre-1',
  receivingInstitutionId: 'hospital-1',
};

describe(referralInScope.name, () => {
  it('places a referral in its group, its group’s grid and the city', () => {
    expect(referralInScope(referral, { kind: 'city' }, facts)).toBe(true);
    expect(referralInScope(referral, { kind: 'grid', id: 'grid-huangpu' }, facts)).toBe(true);
    expect(referralInScope(referral, { kind: 'grid', id: 'grid-panyu' }, facts)).toBe(false);
    expect(referralInScope(referral, { kind: 'group', id: 'group-huangpu' }, facts)).toBe(true);
  });

  it('places a referral at both its referring and its receiving institution', () => {
    expect(referralInScope(referral, { kind: 'institution', id: 'centre-1' }, facts)).toBe(true);
    expect(referralInScope(referral, { kind: 'institution', id: 'hospital-1' }, facts)).toBe(true);
    expect(referralInScope(referral, { kind: 'institution', id: 'centre-2' }, facts)).toBe(false);
  });
});

describe(institutionInScope.name, () => {
  it('places an institution in its grid and group', () => {
    const centre = { id: 'centre-1', name: '南岗镇卫生院', gridId: 'grid-huangpu', groupId: 'group-huangpu' };

    expect(institutionInScope(centre, { kind: 'grid', id: 'grid-huangpu' })).toBe(true);
    expect(institutionInScope(centre, { kind: 'group', id: 'group-panyu' })).toBe(false);
    expect(isHospital({ ...centre, level: 'INSTITUTION_LEVEL_PRIMARY' })).toBe(false);
    expect(isHospital({ ...centre, level: 'INSTITUTION_LEVEL_SECONDARY' })).toBe(true);
  });
});

describe(institutionsIn.name, () => {
  it("tells a scope's institutions from the others by id", () => {
    const institutions = [
      { id: 'centre-1', name: '', groupId: 'group-huangpu', gridId: 'grid-huangpu' },
      { id: 'centre-2', name: '', groupId: 'group-panyu', gridId: 'grid-panyu' },
    ];
    const sut = institutionsIn({ kind: 'grid', id: 'grid-huangpu' }, institutions);

    expect(sut('centre-1')).toBe(true);
    expect(sut('centre-2')).toBe(false);
    expect(sut('unknown')).toBe(false);
  });
});
