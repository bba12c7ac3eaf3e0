import { Institution } from './institution';
import { levelFitsType } from './institution-classification';

const input = {
  id: '0193a000-0000-7000-8000-000000000001',
  creditCode: '12100000400000624D',
  name: '广州市第一人民医院',
  level: 'tertiary' as const,
  type: 'general-hospital' as const,
  gridId: '0193a000-0000-7000-8000-0000000000a1',
  address: '盘福路1号',
};

describe(Institution.name, () => {
  it('is registered at version 1 outside any group, with an event carrying its state', () => {
    const sut = Institution.register(input);

    expect(sut.snapshot()).toMatchObject({ version: 1, groupId: null });
    expect(sut.pullEvents()).toEqual([{ change: 'registered', institution: sut.snapshot() }]);
  });

  it('refuses a level the type cannot have', () => {
    expect(() => Institution.register({ ...input, type: 'community-health-centre' })).toThrow(
      expect.objectContaining({ code: 'LEVEL_DOES_NOT_FIT_TYPE' }) as Error,
    );
  });

  it('updates only from the version the caller read', () => {
    const sut = Institution.register(input);

    sut.update(1, { name: '新名称', level: 'tertiary', type: 'general-hospital', address: 'x' });

    expect(sut.snapshot()).toMatchObject({ name: '新名称', version: 2 });
    expect(() =>
      sut.update(1, { name: 'late', level: 'tertiary', type: 'general-hospital', address: 'x' }),
    ).toThrow(expect.objectContaining({ code: 'VERSION_CONFLICT', category: 'conflict' }) as Error);
  });

  it('tracks the group it joins and leaves', () => {
    const sut = Institution.register(input);

    sut.joinGroup('0193a000-0000-7000-8000-0000000000aa');
    sut.leaveGroup();

    expect(sut.pullEvents().map((e) => [e.change, e.institution.groupId])).toEqual([
      ['registered', null],
      ['joined-group', '0193a000-0000-7000-8000-0000000000aa'],
      ['left-group', null],
    ]);
  });
});

describe(levelFitsType.name, () => {
  const sut = levelFitsType;

  it.each([
    ['primary', 'community-health-centre', true],
    ['secondary', 'community-health-station', false],
    ['primary', 'general-hospital', false],
    ['secondary', 'nursing-home', true],
    ['tertiary', 'shared-centre', true],
  ] as const)('%s %s: %s', (level, type, expected) => {
    expect(sut(level, type)).toBe(expected);
  });
});
