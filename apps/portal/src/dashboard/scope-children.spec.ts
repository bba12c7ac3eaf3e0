import { describe, expect, it } from 'vitest';
import { type Referral } from '../api/portal-types';
import { type CityDirectory } from './city-directory';
import { childrenOf, referralsByChild, trailTo } from './scope-children';

const directory: CityDirectory = {
  grids: [
    { id: 'grid-huangpu', cityId: 'gz', code: 'GZ-440112', name: '黄埔区网格' },
    { id: 'grid-panyu', cityId: 'gz', code: 'GZ-440113', name: '番禺区网格' },
  ],
  groups: [{ id: 'group-huangpu', gridId: 'grid-huangpu', name: '黄埔区紧密型城市医疗集团' }],
  institutions: [
    { id: 'hospital', name: '黄埔区中心医院', gridId: 'grid-huangpu', groupId: 'group-huangpu' },
    { id: 'centre', name: '南岗镇卫生院', gridId: 'grid-huangpu', groupId: 'group-huangpu' },
    { id: 'elsewhere', name: '番禺区中心医院', gridId: 'grid-panyu' },
  ],
  institutionName: (id) => id ?? '',
};

describe(childrenOf.name, () => {
  it('goes down one level at a time: grids, the grid’s group, the group’s institutions, then nothing', () => {
    expect(childrenOf({ kind: 'city' }, directory).map((c) => c.path)).toEqual([
      '/grids/grid-huangpu',
      '/grids/grid-panyu',
    ]);
    expect(childrenOf({ kind: 'grid', id: 'grid-huangpu' }, directory).map((c) => c.path)).toEqual([
      '/groups/group-huangpu',
    ]);
    expect(childrenOf({ kind: 'group', id: 'group-huangpu' }, directory).map((c) => c.name)).toEqual([
      '黄埔区中心医院',
      '南岗镇卫生院',
    ]);
    expect(childrenOf({ kind: 'institution', id: 'centre' }, directory)).toEqual([]);
  });
});

describe(trailTo.name, () => {
  it('leads from the city through the grid and group down to an institution', () => {
    expect(trailTo({ kind: 'institution', id: 'centre' }, directory).map((step) => step.path)).toEqual([
      '/',
      '/grids/grid-huangpu',
      '/groups/group-huangpu',
      '/institutions/centre',
    ]);
  });

  it('leads to an institution of no group through its grid', () => {
    expect(trailTo({ kind: 'institution', id: 'elsewhere' }, directory).map((step) => step.path)).toEqual([
      '/',
      '/grids/grid-panyu',
      '/institutions/elsewhere',
    ]);
  });
});

describe(referralsByChild.name, () => {
  it('counts each child’s referrals up and down', () => {
    const referrals: Referral[] = [
      { id: '1', groupId: 'group-huangpu', direction: 'REFERRAL_DIRECTION_UPWARD' },
      { id: '2', groupId: 'group-huangpu', direction: 'REFERRAL_DIRECTION_DOWNWARD' },
      { id: '3', groupId: 'group-huangpu', direction: 'REFERRAL_DIRECTION_UPWARD' },
    ];
    const facts = {
      institutions: directory.institutions,
      groupGrid: new Map([['group-huangpu', 'grid-huangpu']]),
    };

    const sut = referralsByChild(childrenOf({ kind: 'city' }, directory), referrals, facts);

    expect(sut.map((row) => [row.child.name, row.upward, row.downward])).toEqual([
      ['黄埔区网格', 2, 1],
      ['番禺区网格', 0, 0],
    ]);
  });
});
