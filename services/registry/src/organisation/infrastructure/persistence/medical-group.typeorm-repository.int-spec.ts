import { type UnitOfWork } from '@medgrid/database';
import { lockOrder } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type RegistryFixtures, RegistryTestDatabase } from '../../../test/registry-fixtures';
import { MedicalGroup, type MedicalGroupSnapshot, type Membership } from '../../domain/medical-group';
import { MedicalGroupTypeormRepository } from './medical-group.typeorm-repository';

const t0 = new Date('2027-03-01T01:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe(MedicalGroupTypeormRepository.name, () => {
  let db: RegistryTestDatabase;
  let uow: UnitOfWork;
  let given: RegistryFixtures;
  let sut: MedicalGroupTypeormRepository;

  beforeAll(async () => {
    db = await RegistryTestDatabase.create('medical_group_repository');
    uow = db.uow;
    given = db.given;
    sut = new MedicalGroupTypeormRepository(db.uow);
  });

  afterAll(() => db?.close());

  /** A grid's hospital (a possible lead) and two primary institutions. */
  async function aGrid() {
    const grid = await given.grid();
    const lead = await given.institution({ gridId: grid.id, level: 'tertiary', type: 'general-hospital' });
    const centre = await given.institution({ gridId: grid.id });
    const station = await given.institution({ gridId: grid.id, type: 'community-health-station' });
    return { grid, lead, centre, station };
  }

  const membership = (institutionId: string, role: Membership['role'], joinedAt: Date): Membership => ({
    institutionId,
    role,
    joinedAt,
  });

  it('stores a group with its memberships and reads back every field, members in the order they joined', async () => {
    const { grid, lead, centre, station } = await aGrid();
    const stored: MedicalGroupSnapshot = {
      id: uuidv7(),
      gridId: grid.id,
      name: '越秀紧密型城市医疗集团',
      version: 4,
      memberships: [
        membership(lead.id, 'lead', at(0)),
        membership(station.id, 'member', at(1)),
        membership(centre.id, 'collaborating', at(2)),
      ],
    };

    await sut.insert(MedicalGroup.restore(stored));

    expect((await sut.findById(stored.id))?.snapshot()).toEqual(stored);
    expect(await sut.findById(uuidv7())).toBeNull();
  });

  it('refuses a second group of one grid, naming gridId', async () => {
    const { grid } = await aGrid();
    await given.group(grid.id);

    await expect(
      sut.insert(MedicalGroup.create({ id: uuidv7(), gridId: grid.id, name: '第二个' })),
    ).rejects.toMatchObject({
      code: 'GRID_ALREADY_HAS_GROUP',
      violations: [expect.objectContaining({ field: 'gridId' })],
    });
  });

  it('finds the group serving a grid, and none for a grid without one', async () => {
    const { grid } = await aGrid();
    const group = await given.group(grid.id);

    expect(await sut.findIdByGrid(grid.id)).toBe(group.id);
    expect(await sut.findIdByGrid((await given.grid()).id)).toBeNull();
  });

  it('replaces the memberships and the version at the version it was read at', async () => {
    const { grid, lead, centre, station } = await aGrid();
    const created = await given.group(grid.id);
    const group = MedicalGroup.restore(created);
    group.addMembership({ ...lead }, 'lead', at(0));
    group.addMembership({ ...centre }, 'member', at(1));
    await sut.update(group, created.version);
    const again = (await sut.findById(created.id))!;
    const readAt = again.snapshot().version;
    again.addMembership({ ...station }, 'member', at(2));
    again.removeMembership(centre.id, () => ({ level: 'primary', type: 'community-health-centre' }));

    await sut.update(again, readAt);

    expect((await sut.findById(created.id))?.snapshot()).toEqual({
      ...created,
      version: again.snapshot().version,
      memberships: [membership(lead.id, 'lead', at(0)), membership(station.id, 'member', at(2))],
    });
  });

  it('refuses to update a group that changed since it was read, changing nothing', async () => {
    const { grid, lead, centre } = await aGrid();
    const created = await given.group(grid.id);
    const first = MedicalGroup.restore(created);
    first.addMembership({ ...lead }, 'lead', at(0));
    await sut.update(first, 1);
    const stale = MedicalGroup.restore(created);
    stale.addMembership({ ...centre }, 'member', at(1));

    await expect(sut.update(stale, 1)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await sut.findById(created.id))?.snapshot().memberships).toEqual([
      membership(lead.id, 'lead', at(0)),
    ]);
  });

  it('refuses a member of another group (naming institutionId) and a second lead (naming role)', async () => {
    const { grid, lead, centre } = await aGrid();
    const other = await aGrid();
    const group = await given.group(grid.id);
    const otherGroup = await given.group(other.grid.id);
    await sut.update(
      MedicalGroup.restore({ ...otherGroup, memberships: [membership(centre.id, 'member', at(0))] }),
      1,
    );

    await expect(
      sut.update(
        MedicalGroup.restore({ ...group, memberships: [membership(centre.id, 'member', at(1))] }),
        1,
      ),
    ).rejects.toMatchObject({
      code: 'ALREADY_MEMBER_OF_ANOTHER_GROUP',
      violations: [expect.objectContaining({ field: 'institutionId' })],
    });
    await expect(
      sut.update(
        MedicalGroup.restore({
          ...group,
          memberships: [membership(lead.id, 'lead', at(1)), membership(other.lead.id, 'lead', at(2))],
        }),
        1,
      ),
    ).rejects.toMatchObject({
      code: 'SECOND_LEAD_HOSPITAL',
      violations: [expect.objectContaining({ field: 'role' })],
    });
  });

  it('holds a group read for update until its transaction ends; the next reader sees its change', async () => {
    const { grid, lead } = await aGrid();
    const created = await given.group(grid.id);
    let seen: readonly Membership[] = [];

    const order = await lockOrder(
      (letGo, locked) =>
        uow.run(async () => {
          const group = (await sut.findById(created.id, true))!;
          locked();
          await letGo;
          group.addMembership({ ...lead }, 'lead', at(0));
          await sut.update(group, 1);
        }),
      () =>
        uow.run(async () => {
          seen = (await sut.findById(created.id, true))!.snapshot().memberships;
        }),
    );

    expect(order).toEqual(['released', 'holder done', 'waiter done']);
    expect(seen).toEqual([membership(lead.id, 'lead', at(0))]);
  });
});
